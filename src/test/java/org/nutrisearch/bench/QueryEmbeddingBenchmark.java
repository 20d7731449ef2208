package org.nutrisearch.bench;

import org.nutrisearch.embedding.EmbedderSettings;
import org.nutrisearch.embedding.EmbeddingModelSpec;
import org.nutrisearch.embedding.OnnxEmbedder;
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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Embedding a search query with the service's model (BGE-small int8, one ONNX Runtime thread, the query
 * instruction, at most 64 tokens), for distinct real queries ({@link RealQueries}): what a new query's
 * search by meaning costs before it searches. No query-vector cache. Run with
 * scripts/bench/jmh.sh five QueryEmbeddingBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryEmbeddingBenchmark {

    /** Folder of a built index: its native/ folder holds the unpacked native libraries. */
    @Param("bench-data/index-five")
    public String index;

    private OnnxEmbedder model;
    private List<String> queries;

    /** Each benchmark thread walks the queries from its own position. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        model = OnnxEmbedder.load(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
                new EmbedderSettings(Path.of(index).resolve("native"), 1, 1));
        queries = RealQueries.load(RealQueries.dataDir());
    }

    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }

    @Benchmark
    public float[] embedQuery(Cursor cursor) {
        return model.embedQuery(queries.get(cursor.next++ % queries.size()));
    }
}
