package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.cli.Main;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.RankingOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The portal-scale index of the answer evaluation: MedQuAD and the graded MEDIQA answers
 * ({@link PortalCorpus}) indexed with vectors under a cache folder kept between runs (embedding it takes
 * about an hour on 2 cores; a rebuild embeds only what changed, from the folder's vector cache).
 */
public final class PortalIndex {

    private PortalIndex() {
    }

    /**
     * Prepares the corpus under {@code cache/corpus}, builds {@code cache/index} when it has no served
     * generation (or {@code rebuild}), and opens a backend over it that embeds queries with {@code model}.
     */
    public static LuceneSearchBackend open(Path dataDir, Path cache, TextEmbedder model, boolean rebuild)
            throws IOException {
        Path corpus = cache.resolve("corpus");
        Path index = cache.resolve("index");
        PortalCorpus.prepare(dataDir, corpus);
        IndexGenerations generations = new IndexGenerations(index);
        if (rebuild || generations.current().isEmpty()) {
            Files.createDirectories(index);
            int code = Main.run("index", "--corpus", corpus.toString(), "--index", index.toString(), "--vectors", "now");
            if (code != 0 && code != 3) {
                throw new IOException("indexing the portal corpus failed with exit code " + code);
            }
        }
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        LuceneSearchBackend backend = LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()),
                NutrientLexicon.loadDefault(), json, RankingOptions.DEFAULTS, SearchMode.HYBRID,
                HybridOptions.DEFAULTS);
        backend.useQueryVectors(new QueryVectors(model, QueryVectors.DEFAULT_CAPACITY));
        return backend;
    }
}
