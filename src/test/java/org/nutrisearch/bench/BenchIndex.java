package org.nutrisearch.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.io.IOException;
import java.nio.file.Path;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/** Opens a built index (an {@code index} command's folder) the way {@code serve} does, for benchmarks. */
final class BenchIndex {

    private BenchIndex() {
    }

    static LuceneSearchBackend open(String indexRoot) throws IOException {
        return open(indexRoot, 0);
    }

    /** As {@link #open(String)}, keeping up to {@code cachedResults} results (0: none). */
    static LuceneSearchBackend open(String indexRoot, int cachedResults) throws IOException {
        Path generation = new IndexGenerations(Path.of(indexRoot)).current().orElseThrow(() ->
                new IllegalStateException("no built index in " + Path.of(indexRoot).toAbsolutePath()
                        + " (run scripts/bench/index.sh first)"));
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        LuceneSearchBackend backend = LuceneSearchBackend.open(LiveIndex.open(generation), NutrientLexicon.loadDefault(), json);
        backend.cacheResults(cachedResults);
        return backend;
    }
}
