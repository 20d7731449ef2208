package org.nutrisearch.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.embedding.EmbedderSettings;
import org.nutrisearch.embedding.EmbeddingModelSpec;
import org.nutrisearch.embedding.OnnxEmbedder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.QueryVectors;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a built index (an {@code index} command's folder) the way {@code serve} does, for benchmarks. */
final class BenchIndex {

    private BenchIndex() {
    }

    static LuceneSearchBackend open(String indexRoot) throws IOException {
        return open(indexRoot, 0);
    }

    /** As {@link #open(String)}, keeping up to {@code cachedResults} results (0: none). */
    static LuceneSearchBackend open(String indexRoot, int cachedResults) throws IOException {
        return open(indexRoot, cachedResults, SearchMode.LEXICAL);
    }

    /**
     * As {@link #open(String, int)}, searching in {@code mode} by default; a vector mode loads the
     * embedding model as {@code serve} does (the caller closes it through {@link Opened}).
     */
    static LuceneSearchBackend open(String indexRoot, int cachedResults, SearchMode mode) throws IOException {
        return opened(indexRoot, cachedResults, mode).backend();
    }

    /** A backend and the model it embeds queries with (null in lexical mode). */
    record Opened(LuceneSearchBackend backend, OnnxEmbedder model) implements AutoCloseable {
        @Override
        public void close() {
            backend.close();
            if (model != null) {
                model.close();
            }
        }
    }

    static Opened opened(String indexRoot, int cachedResults, SearchMode mode) throws IOException {
        Path generation = new IndexGenerations(Path.of(indexRoot)).current().orElseThrow(() ->
                new IllegalStateException("no built index in " + Path.of(indexRoot).toAbsolutePath()
                        + " (run scripts/bench/index.sh first)"));
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        LuceneSearchBackend backend = LuceneSearchBackend.open(LiveIndex.open(generation), NutrientLexicon.loadDefault(),
                json, RankingOptions.DEFAULTS, mode, HybridOptions.DEFAULTS);
        backend.cacheResults(cachedResults);
        OnnxEmbedder model = null;
        if (mode.usesVectors()) {
            model = OnnxEmbedder.load(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
                    EmbedderSettings.forMachine(Path.of(indexRoot).resolve("native")));
            backend.useQueryVectors(new QueryVectors(model, QueryVectors.DEFAULT_CAPACITY));
            if (!backend.vectorsAvailable()) {
                throw new IllegalStateException("the index in " + indexRoot + " has no vectors of " + model.modelId());
            }
        }
        return new Opened(backend, model);
    }
}
