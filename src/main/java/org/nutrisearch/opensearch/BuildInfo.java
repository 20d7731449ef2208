package org.nutrisearch.opensearch;

import org.nutrisearch.corpus.CorpusManifest;

/**
 * What one build of the OpenSearch indexes holds, kept with it in the build index
 * ({@code <alias>-build}): which build it is, the corpus it was built from, how its vocabulary is
 * stored and which model embedded its units. A service reads it to know what it serves.
 *
 * @param id               the build's unit index ({@code <alias>-<UTC time>}): names the build
 * @param createdAt        when the build started (ISO-8601, UTC)
 * @param units            units indexed
 * @param articles         articles indexed
 * @param vocabularyChunks documents the vocabulary is split into ({@code vocabulary-0} …)
 * @param vectorModel      the embedding model of the units' vectors, or null when the build has none
 * @param corpus           the corpus as it was before it was read for this build, or null when not known
 */
public record BuildInfo(String id, String createdAt, long units, long articles, int vocabularyChunks,
                        String vectorModel, CorpusManifest corpus) {

    /** Id of the document holding this record in the build index. */
    static final String DOCUMENT_ID = "build";

    /** Id of the {@code n}-th vocabulary document. */
    static String vocabularyDocumentId(int n) {
        return "vocabulary-" + n;
    }
}
