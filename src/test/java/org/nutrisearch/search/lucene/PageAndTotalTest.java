package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

/**
 * Ranking skips units that cannot reach the page, and the total and facets come from a separate pass:
 * a page must still be exactly that stretch of the full ranking, and the total exactly the number of
 * units ranked, for every query of the benchmark mix over the five articles.
 */
class PageAndTotalTest {

    @TempDir
    static Path tmp;

    private static LuceneSearchBackend backend;

    @BeforeAll
    static void build() throws Exception {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        IndexGenerations generations = new IndexGenerations(tmp.resolve("index"));
        new IndexBuilder(tagger, json).rebuild(new CorpusLoader().load(Path.of("corpus")).articles(), generations, null);
        backend = LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()), lexicon, json);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void pagesAreStretchesOfTheFullRankingAndTotalsCountIt() {
        for (String query : org.nutrisearch.bench.QueryMix.load().queries("mix")) {
            SearchResult full = backend.search(new SearchRequest(query, 100, 0, Set.of(), Set.of(), null));
            List<String> all = ids(full);
            SearchResult first = backend.search(SearchRequest.of(query));
            SearchResult second = backend.search(new SearchRequest(query, 10, 10, Set.of(), Set.of(), null));
            SearchResult top3 = backend.search(new SearchRequest(query, 3, 0, Set.of(), Set.of(), null));
            assertEquals(Math.min(100, first.total()), all.size(), query);
            assertEquals(full.total(), first.total(), query);
            assertEquals(all.subList(0, Math.min(10, all.size())), ids(first), query);
            assertEquals(all.subList(Math.min(10, all.size()), Math.min(20, all.size())), ids(second), query);
            assertEquals(all.subList(0, Math.min(3, all.size())), ids(top3), query);
            assertEquals(first.facets(), top3.facets(), query);
            assertEquals(first.total(), second.total(), query);
        }
    }

    @Test
    void facetsCountEveryMatchNotOnlyThePage() {
        SearchResult one = backend.search(new SearchRequest("magnesium", 1, 0, Set.of(), Set.of(), null));
        int byKind = one.facets().kinds().stream().mapToInt(Facets.KindCount::count).sum();
        assertEquals(one.total(), byKind);
        assertEquals(1, one.hits().size());
    }

    private static List<String> ids(SearchResult result) {
        List<String> ids = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            ids.add(hit.unit().id());
        }
        return ids;
    }
}
