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
 * One search as {@code GET /api/search?q=…&limit=10} runs it: query building, ranking, facets over
 * every match and ten snippets; JSON and HTTP are not included. Queries cycle through one category
 * of {@link QueryMix}. Run with scripts/bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {

    /** Folder of a built index (what {@code index --index DIR} wrote). */
    @Param("bench-data/index-five")
    public String index;

    /** A category of the query mix, or "mix". */
    @Param({"nutrient", "symptom", "phrase", "question", "typo"})
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
        requests = QueryMix.load().queries(category).stream().map(SearchRequest::of).toList();
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
