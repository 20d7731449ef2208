package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.PlannedSearch;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.Snippet;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded backend's search with the nearest questions from one plan
 * ({@link LuceneSearchBackend#searchWithQuestions}) against the three calls it stands for (the interface's
 * default, which plans each on its own), over the bundled articles with vectors ({@link ConceptEmbedder}):
 * every judged chatbot question in each mode, as the answer service asks (hits only, no snippets).
 */
class PlannedSearchTest {

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        backend = BundledConceptIndex.backend(BundledConceptIndex.build(dir));
        backend.cacheResults(0); // each search computed, not handed the other's kept result
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void onePlanGivesWhatTheSearchTheNearestQuestionsAndTheSnippetsGiveOneByOne() throws Exception {
        SearchBackend oneByOne = new OneByOne(backend);
        int[] near = {0};
        int[] snippets = {0};
        for (SearchMode mode : SearchMode.values()) {
            for (String question : questions()) {
                SearchRequest request = new SearchRequest(question, 30, 0, Set.of(), Set.of(), null, null, mode)
                        .withoutSnippets().withoutCounts();
                PlannedSearch planned = backend.searchWithQuestions(request, 10);
                PlannedSearch expected = oneByOne.searchWithQuestions(request, 10);
                String label = question + " [" + mode.apiName() + "]";
                assertEquals(expected.result().mode(), planned.result().mode(), label);
                assertEquals(expected.result().total(), planned.result().total(), label);
                assertEquals(expected.result().hits(), planned.result().hits(), label);
                assertEquals(expected.similarQuestions(), planned.similarQuestions(), label);
                near[0] += planned.similarQuestions().size();
                List<Unit> shown = new ArrayList<>();
                planned.result().hits().stream().limit(3).forEach(h -> shown.add(h.unit()));
                planned.similarQuestions().stream().limit(2).forEach(h -> shown.add(h.unit()));
                assertEquals(expected.snippets(shown), planned.snippets(shown), label);
                snippets[0] += shown.size();
            }
        }
        assertTrue(near[0] > 300, "nearest questions compared " + near[0]);
        assertTrue(snippets[0] > 500, "snippets compared " + snippets[0]);
    }

    @Test
    void aLexicalSearchHasNoNearestQuestions() {
        PlannedSearch planned = backend.searchWithQuestions(new SearchRequest("iron restless legs", 30, 0, Set.of(),
                Set.of(), null, null, SearchMode.LEXICAL).withoutSnippets(), 10);
        assertEquals(SearchMode.LEXICAL, planned.result().mode());
        assertEquals(List.of(), planned.similarQuestions());
        assertTrue(planned.result().hits().size() > 3, "hits " + planned.result().hits().size());
    }

    private static List<String> questions() throws Exception {
        try (InputStream in = PlannedSearchTest.class.getResourceAsStream("/eval/answer-questions.json")) {
            List<String> texts = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(q -> texts.add(q.get("question").asText()));
            return texts;
        }
    }

    /** The backend's search, nearest questions and snippets, with the interface's own searchWithQuestions. */
    private record OneByOne(SearchBackend backend) implements SearchBackend {
        @Override
        public SearchResult search(SearchRequest request) {
            return backend.search(request);
        }

        @Override
        public List<SearchHit> similarQuestions(SearchRequest request) {
            return backend.similarQuestions(request);
        }

        @Override
        public List<Snippet> snippets(SearchRequest request, List<Unit> units) {
            return backend.snippets(request, units);
        }

        @Override
        public Optional<Article> article(String id) {
            return backend.article(id);
        }

        @Override
        public List<ArticleInfo> articles() {
            return backend.articles();
        }

        @Override
        public List<Facets.NutrientCount> nutrients() {
            return backend.nutrients();
        }

        @Override
        public IndexStats stats() {
            return backend.stats();
        }

        @Override
        public void close() {
        }
    }
}
