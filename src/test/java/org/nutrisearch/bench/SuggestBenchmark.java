package org.nutrisearch.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nutrisearch.search.Suggestion;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * One {@code GET /api/suggest?q=…&limit=8} lookup without HTTP, over the prefixes typing the query
 * mix produces, one key at a time ({@link QueryMix#keystrokePrefixes()}). The suggestions are built
 * once per index generation, in the setup (as {@code serve} does before its first request).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SuggestBenchmark {

    /** Folder of a built index (what {@code index --index DIR} wrote). */
    @Param("bench-data/index-five")
    public String index;

    private LuceneSearchBackend backend;
    private List<String> prefixes;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        backend = BenchIndex.open(index);
        backend.warmUp();
        prefixes = QueryMix.load().keystrokePrefixes();
    }

    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    @Benchmark
    public List<Suggestion> suggest(Cursor cursor) {
        return backend.suggest(prefixes.get(cursor.next++ % prefixes.size()), 8);
    }
}
