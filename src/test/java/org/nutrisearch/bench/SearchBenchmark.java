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
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * One search as {@code GET /api/search?q=…&limit=10} runs it (lexically: the index opened without the
 * model): planning, ranking, facets over every match and ten snippets; JSON and HTTP are not included.
 * Queries cycle through distinct real queries or one category of {@link QueryMix}; no result cache.
 * Run with scripts/bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {

    /** Folder of a built index (what {@code index --index DIR} wrote). */
    @Param("bench-data/index-five")
    public String index;

    /** "distinct": real query texts, none repeated within a run ({@link RealQueries}); or a category of the repeated mix. */
    @Param({"distinct", "nutrient", "symptom", "phrase", "question", "typo"})
    public String category;

    private LuceneSearchBackend backend;
    private List<SearchRequest> requests;

    /** Each benchmark thread walks the queries from its own position. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        backend = BenchIndex.open(index);
        requests = (category.equals("distinct") ? RealQueries.load(RealQueries.dataDir()) : QueryMix.load().queries(category))
                .stream().map(SearchRequest::of).toList();
    }

    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    @Benchmark
    public SearchResult search(Cursor cursor) {
        SearchRequest request = requests.get(cursor.next++ % requests.size());
        return backend.search(request);
    }
}
