package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.index.Reindexer;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

/** Repeated searches are answered from the kept result of the same index generation, and only then. */
class SearchResultCacheTest {

    @TempDir
    Path tmp;

    private final NutrientLexicon lexicon = NutrientLexicon.loadDefault();
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void aRepeatedRequestGetsTheKeptResultWithItsOwnTime() throws Exception {
        try (LuceneSearchBackend backend = open(builtFrom(Path.of("corpus")))) {
            SearchResult first = backend.search(SearchRequest.of("magnesium leg cramps"));
            SearchResult again = backend.search(SearchRequest.of("magnesium leg cramps"));
            assertSame(first.hits(), again.hits(), "the kept hits, not a new search");
            assertSameAnswer(first, again);
            // A request differing in anything (page, filters, ranking, mode) is searched anew.
            SearchResult page2 = backend.search(new SearchRequest("magnesium leg cramps", 10, 10, Set.of(), Set.of(), null));
            assertNotSame(first.hits(), page2.hits());
            SearchResult baseline = backend.search(new SearchRequest("magnesium leg cramps", 10, 0, Set.of(), Set.of(),
                    null, RankingOptions.BASELINE));
            assertNotSame(first.hits(), baseline.hits());
            SearchResult lexical = backend.search(SearchRequest.of("magnesium leg cramps").withMode(SearchMode.LEXICAL));
            assertNotSame(first.hits(), lexical.hits());
            assertSameAnswer(first, lexical);
        }
    }

    @Test
    void aTypoSearchIsKeptWithItsCorrection() throws Exception {
        try (LuceneSearchBackend backend = open(builtFrom(Path.of("corpus")))) {
            SearchResult first = backend.search(SearchRequest.of("magnesum"));
            SearchResult again = backend.search(SearchRequest.of("magnesum"));
            assertEquals("magnesium", first.didYouMean());
            assertSame(first.hits(), again.hits());
            assertSameAnswer(first, again);
        }
    }

    @Test
    void sizeZeroSearchesEveryTimeWithTheSameAnswer() throws Exception {
        try (LuceneSearchBackend backend = open(builtFrom(Path.of("corpus")))) {
            backend.cacheResults(0);
            SearchResult first = backend.search(SearchRequest.of("magnesium leg cramps"));
            SearchResult again = backend.search(SearchRequest.of("magnesium leg cramps"));
            assertNotSame(first.hits(), again.hits());
            assertSameAnswer(first, again);
        }
    }

    @Test
    void aReindexDropsKeptResults() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(tmp.resolve("index"));
        IndexBuilder builder = new IndexBuilder(tagger, json);
        builder.rebuild(new CorpusLoader().load(corpus).articles(), generations, null);
        LiveIndex live = LiveIndex.open(generations.current().orElseThrow());
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(live, lexicon, json)) {
            assertEquals(0, backend.search(SearchRequest.of("zinnober")).total());
            long before = backend.search(SearchRequest.of("magnesium")).total();
            Files.writeString(corpus.resolve("zinnober.txt"),
                    "Zinnober and magnesium\n\nZinnober is a made-up word that only this new article uses, with magnesium.\n");
            new Reindexer(corpus, generations, builder, live, new CorpusLoader()).reindex();
            assertEquals(1, backend.search(SearchRequest.of("zinnober")).total());
            assertEquals(before + 1, backend.search(SearchRequest.of("magnesium")).total());
        }
    }

    @Test
    void leastRecentlyUsedGoFirstAndSearchesWithVectorsAreKeptApart() {
        SearchResultCache cache = new SearchResultCache(2);
        SearchResult a = result(1);
        SearchResult b = result(2);
        SearchResult c = result(3);
        cache.put(SearchRequest.of("a"), false, a);
        cache.put(SearchRequest.of("b"), false, b);
        assertSame(a, cache.get(SearchRequest.of("a"), false)); // "a" now used more recently than "b"
        cache.put(SearchRequest.of("c"), false, c);
        assertNull(cache.get(SearchRequest.of("b"), false));
        assertSame(a, cache.get(SearchRequest.of("a"), false));
        assertSame(c, cache.get(SearchRequest.of("c"), false));
        assertNull(cache.get(SearchRequest.of("a"), true), "a result searched without vectors is not one with them");
        assertEquals(2, cache.size());
        assertThrows(IllegalArgumentException.class, () -> new SearchResultCache(-1));
        SearchResultCache none = new SearchResultCache(0);
        none.put(SearchRequest.of("a"), false, a);
        assertNull(none.get(SearchRequest.of("a"), false));
    }

    private static SearchResult result(long total) {
        return new SearchResult(total, List.of(), new Facets(List.of(), List.of()), null, 1.0);
    }

    private static void assertSameAnswer(SearchResult expected, SearchResult actual) {
        assertEquals(expected.total(), actual.total());
        assertEquals(expected.hits(), actual.hits());
        assertEquals(expected.facets(), actual.facets());
        assertEquals(expected.didYouMean(), actual.didYouMean());
        assertEquals(expected.mode(), actual.mode());
    }

    private LiveIndex builtFrom(Path corpus) throws Exception {
        IndexGenerations generations = new IndexGenerations(tmp.resolve("index-" + corpus.getFileName()));
        new IndexBuilder(new NutrientTagger(lexicon), json).rebuild(new CorpusLoader().load(corpus).articles(),
                generations, null);
        return LiveIndex.open(generations.current().orElseThrow());
    }

    private LuceneSearchBackend open(LiveIndex live) {
        return LuceneSearchBackend.open(live, lexicon, json);
    }
}
