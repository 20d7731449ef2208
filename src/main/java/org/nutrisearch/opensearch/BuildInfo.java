package org.nutrisearch.opensearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.nutrisearch.corpus.CorpusManifest;

/**
 * What one build of the OpenSearch indexes holds, kept with it in the build index
 * ({@code <alias>-build}): which build it is, the corpus it was built from, how its vocabulary and
 * topics are stored and which model embedded its units. A service reads it to know what it serves.
 * Fields a later version adds are ignored when read, so an older service still reads a newer record.
 *
 * @param id               the build's unit index ({@code <alias>-<UTC time>}): names the build
 * @param createdAt        when the build started (ISO-8601, UTC)
 * @param units            units indexed
 * @param articles         articles indexed
 * @param vocabularyChunks documents the vocabulary is split into ({@code vocabulary-0} …)
 * @param vectorModel      the embedding model of the units' vectors, or null when the build has none
 * @param corpus           the corpus as it was before it was read for this build, or null when not known
 * @param topicChunks      documents the topics are split into ({@code topics-0} …); 0 in builds made
 *                         before topics were kept
 * @param questionVectors  units with a question vector ({@link OpenSearchSchema#QUESTION_VECTOR}); 0
 *                         without vectors, and in builds made before question vectors were kept
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BuildInfo(String id, String createdAt, long units, long articles, int vocabularyChunks,
                        String vectorModel, CorpusManifest corpus, int topicChunks, long questionVectors) {

    /** Id of the document holding this record in the build index. */
    static final String DOCUMENT_ID = "build";

    /** Id of the {@code n}-th vocabulary document. */
    static String vocabularyDocumentId(int n) {
        return "vocabulary-" + n;
    }

    /** Id of the {@code n}-th topics document. */
    static String topicsDocumentId(int n) {
        return "topics-" + n;
    }
}
