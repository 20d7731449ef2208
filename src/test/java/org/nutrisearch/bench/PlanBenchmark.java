package org.nutrisearch.bench;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.lucene.IndexVocabulary;
import org.nutrisearch.search.query.QueryPlan;
import org.nutrisearch.search.query.UnitQueryBuilder;
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
 * Planning a request ({@link QueryPlan}: parsing, analysis, synonyms, typo corrections from the index's
 * vocabulary, nutrients) and building its Lucene query, for distinct real queries ({@link RealQueries}),
 * as the embedded backend does once per search. Run with scripts/bench/jmh.sh five PlanBenchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlanBenchmark {

    /** Folder of a built index (what {@code index --index DIR} wrote). */
    @Param("bench-data/index-five")
    public String index;

    private DirectoryReader reader;
    private IndexVocabulary vocabulary;
    private UnitQueryBuilder queries;
    private List<SearchRequest> requests;

    /** Each benchmark thread walks the queries from its own position. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path generation = new IndexGenerations(Path.of(index)).current().orElseThrow();
        reader = DirectoryReader.open(FSDirectory.open(generation));
        vocabulary = new IndexVocabulary(reader);
        queries = UnitQueryBuilder.standard(new NutrientTagger(NutrientLexicon.loadDefault()), RankingOptions.DEFAULTS);
        requests = RealQueries.load(RealQueries.dataDir()).stream().map(SearchRequest::of).toList();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        reader.close();
    }

    @Benchmark
    public QueryPlan plan(Cursor cursor) {
        return queries.plan(requests.get(cursor.next++ % requests.size()), vocabulary);
    }

    @Benchmark
    public Query planAndQuery(Cursor cursor) {
        return queries.query(queries.plan(requests.get(cursor.next++ % requests.size()), vocabulary));
    }
}
