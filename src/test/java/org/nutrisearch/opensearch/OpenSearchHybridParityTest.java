package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.answer.AnswerPolicy;
import org.nutrisearch.answer.AnswerRequest;
import org.nutrisearch.answer.AnswerResult;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.answer.AnswerSnippets;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SnippetsLater;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Searches by meaning answer alike on both backends: the bundled articles embedded by the real model
 * (BGE-small), the embedded index with Lucene's HNSW graph on one side, an OpenSearch node with the
 * k-NN plugin (2 shards) on the other, the query embedded by the service. For every judged search
 * query in hybrid and in semantic mode: the same mode, total, facets, hits in the same order with the
 * same scores, similarities and snippets, and the same "did you mean"; for every judged chatbot
 * question, the same answer (or decline) with the same confidence.
 */
@Tag("integration")
@Tag("opensearch")
@ExtendWith(KnnOpenSearch.class)
class OpenSearchHybridParityTest {

    @TempDir
    static Path dir;
    private static BothBackends both;
    private static LuceneSearchBackend lucene;
    private static OpenSearchBackend openSearch;

    @BeforeAll
    static void indexBothWays(KnnTestCluster cluster) throws Exception {
        both = BothBackends.index(new CorpusLoader().load(Path.of("corpus")).articles(), dir, cluster, "hybrid-parity");
        lucene = both.lucene();
        openSearch = both.openSearch();
    }

    @AfterAll
    static void close() {
        if (both != null) {
            both.close();
        }
    }

    @Test
    void theBuildHasVectorsOfTheModelAndBothBackendsSearchByMeaning() {
        assertTrue(lucene.vectorsAvailable());
        assertTrue(openSearch.vectorsAvailable());
        assertEquals(both.model().modelId(), openSearch.servedBuild().info().vectorModel());
    }

    @Test
    void judgedQueriesGetTheSameHitsInHybridMode() throws Exception {
        assertSameEverywhere(SearchMode.HYBRID);
    }

    @Test
    void judgedQueriesGetTheSameHitsInSemanticMode() throws Exception {
        assertSameEverywhere(SearchMode.SEMANTIC);
    }

    /**
     * A search by meaning takes two round trips to the units' index (the nearest units with the lexical
     * ranking, then total and facets with the page's units), a lexical search one: counted on the requests
     * the backend sends, so sending the searches one by one again fails here.
     */
    @Test
    void aSearchByMeaningTakesTwoRoundTripsToTheCluster() {
        RecordingTransport sent = both.openSearchRequests();
        String msearch = "POST /hybrid-parity/_msearch";
        Map<SearchMode, List<String>> expected = new LinkedHashMap<>();
        expected.put(SearchMode.HYBRID, List.of(msearch, msearch));
        expected.put(SearchMode.SEMANTIC, List.of(msearch, msearch));
        expected.put(SearchMode.LEXICAL, List.of("POST /hybrid-parity/_search"));
        Map<SearchMode, List<String>> actual = new LinkedHashMap<>();
        for (SearchMode mode : expected.keySet()) {
            SearchRequest request = new SearchRequest("magnesium for leg cramps", 10, 0, Set.of(), Set.of(), null, null, mode);
            openSearch.search(request); // the build's record and vocabulary are read once, before
            sent.clear();
            SearchResult result = openSearch.search(request);
            actual.put(mode, sent.requestsTo("hybrid-parity"));
            assertEquals(mode, result.mode());
            assertEquals(10, result.hits().size());
        }
        assertEquals(expected, actual);
    }

    /**
     * Asked for hits without snippets, each backend gives the same hits by meaning with none, and the
     * snippets it builds for them afterwards are the ones its search with snippets gave; the same for
     * the nearest questions.
     */
    @Test
    void withoutSnippetsSearchesByMeaningGetTheSameHitsAndTheSameSnippetsLaterOnEachBackend() throws Exception {
        for (SearchBackend backend : List.of(lucene, openSearch)) {
            List<String> differences = new ArrayList<>();
            int[] compared = {0};
            for (SearchMode mode : List.of(SearchMode.HYBRID, SearchMode.SEMANTIC)) {
                for (String text : texts("/eval/search-queries.json", "query")) {
                    differences.addAll(SnippetsLater.searchDifferences(backend,
                            new SearchRequest(text, 10, 0, Set.of(), Set.of(), null, null, mode), compared));
                }
            }
            int[] questions = {0};
            for (String question : texts("/eval/answer-questions.json", "question")) {
                differences.addAll(SnippetsLater.similarQuestionDifferences(backend,
                        new SearchRequest(question, 10, 0, Set.of(), Set.of(), null, null, SearchMode.HYBRID), questions));
            }
            differences.forEach(d -> System.out.println("snippets later difference: " + d));
            assertEquals(List.of(), differences, backend.getClass().getSimpleName());
            assertTrue(compared[0] > 600, "hits compared: " + compared[0]);
            assertTrue(questions[0] > 300, "nearest questions compared: " + questions[0]);
        }
    }

    private static void assertSameEverywhere(SearchMode mode) throws Exception {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String text : texts("/eval/search-queries.json", "query")) {
            SearchRequest request = new SearchRequest(text, 10, 0, Set.of(), Set.of(), null, null, mode);
            SearchResult expected = lucene.search(request);
            SearchResult actual = openSearch.search(request);
            compared += expected.hits().size();
            differences.addAll(differences(text + " [" + mode.apiName() + "]", expected, actual));
        }
        System.out.printf("%s parity: %d differences over 78 queries, %d hits compared%n", mode.apiName(),
                differences.size(), compared);
        differences.forEach(d -> System.out.println("parity difference: " + d));
        assertEquals(List.of(), differences);
        assertTrue(compared > 300, "hits compared: " + compared);
    }

    @Test
    void judgedChatbotQuestionsGetTheSameAnswers() throws Exception {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        AnswerService embedded = AnswerService.withDefaults(lucene, lexicon, AnswerPolicy.defaults());
        AnswerService cluster = AnswerService.withDefaults(openSearch, lexicon, AnswerPolicy.defaults());
        List<String> differences = new ArrayList<>();
        int answered = 0;
        int[] snippets = {0};
        for (String question : texts("/eval/answer-questions.json", "question")) {
            AnswerRequest request = new AnswerRequest(question, Set.of(), Set.of(), null, SearchMode.HYBRID);
            AnswerResult e = embedded.answer(request);
            AnswerResult a = cluster.answer(request);
            differences.addAll(AnswerSnippets.differences(lucene, embedded, request, e, snippets));
            differences.addAll(AnswerSnippets.differences(openSearch, cluster, request, a, snippets));
            String expected = summary(e);
            String actual = summary(a);
            answered += e.answer() != null ? 1 : 0;
            if (!expected.equals(actual)) {
                differences.add(question + ": lucene " + expected + " / opensearch " + actual);
            }
        }
        differences.forEach(d -> System.out.println("answer difference: " + d));
        assertEquals(List.of(), differences);
        assertTrue(answered > 10, "answered: " + answered);
        assertTrue(snippets[0] > 100, "answer snippets compared: " + snippets[0]);
    }

    /** The answer's unit, confidence (4 digits), reason and mode. */
    private static String summary(AnswerResult r) {
        String unit = r.answer() == null ? "none" : r.answer().hit().unit().id()
                + String.format(java.util.Locale.ROOT, " %.4f", r.answer().confidence());
        return unit + " " + r.reason() + " " + r.mode();
    }

    private static List<String> differences(String label, SearchResult expected, SearchResult actual) {
        List<String> differences = new ArrayList<>();
        if (expected.mode() != actual.mode()) {
            differences.add(label + ": mode lucene " + expected.mode() + " / opensearch " + actual.mode());
        }
        if (!Objects.equals(expected.didYouMean(), actual.didYouMean())) {
            differences.add(label + ": didYouMean lucene " + expected.didYouMean() + " / opensearch " + actual.didYouMean());
        }
        List<String> expectedIds = expected.hits().stream().map(h -> h.unit().id()).toList();
        List<String> actualIds = actual.hits().stream().map(h -> h.unit().id()).toList();
        if (expected.total() != actual.total() || !expectedIds.equals(actualIds)) {
            differences.add(label + ": lucene " + expected.total() + " " + expectedIds + " / opensearch "
                    + actual.total() + " " + actualIds);
            return differences;
        }
        if (!expected.facets().equals(actual.facets())) {
            differences.add(label + ": facets lucene " + expected.facets() + " / opensearch " + actual.facets());
        }
        for (int i = 0; i < expectedIds.size(); i++) {
            SearchHit e = expected.hits().get(i);
            SearchHit a = actual.hits().get(i);
            if (Math.abs(e.score() - a.score()) > 1e-4 * Math.max(1, Math.abs(a.score()))) {
                differences.add(label + ": score of " + e.unit().id() + " lucene " + e.score() + " / opensearch " + a.score());
            }
            // Both report the cosine of the stored vectors: the same float.
            if (!Objects.equals(e.similarity(), a.similarity())) {
                differences.add(label + ": similarity of " + e.unit().id() + " lucene " + e.similarity()
                        + " / opensearch " + a.similarity());
            }
            if (!Objects.equals(e.questionSimilarity(), a.questionSimilarity())) {
                differences.add(label + ": question similarity of " + e.unit().id() + " lucene "
                        + e.questionSimilarity() + " / opensearch " + a.questionSimilarity());
            }
            if (!e.snippet().equals(a.snippet()) || !e.unit().equals(a.unit()) || !e.nutrients().equals(a.nutrients())) {
                differences.add(label + ": unit or snippet of " + e.unit().id() + " differs");
            }
        }
        return differences;
    }

    @Test
    void judgedChatbotQuestionsFindTheSameSimilarQuestions() throws Exception {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int withQuestionSimilarity = 0;
        List<SearchRequest> requests = new ArrayList<>();
        for (String question : texts("/eval/answer-questions.json", "question")) {
            requests.add(new SearchRequest(question, 10, 0, Set.of(), Set.of(), null, null, SearchMode.HYBRID));
            // Within a filter, fewer than the units that ask a question.
            requests.add(new SearchRequest(question, 2, 0, Set.of(), Set.of("magnesium"), null, null, SearchMode.HYBRID));
        }
        for (SearchRequest request : requests) {
            String question = request.query() + " " + request.nutrients();
            List<SearchHit> expected = lucene.similarQuestions(request);
            List<SearchHit> actual = openSearch.similarQuestions(request);
            compared += expected.size();
            List<String> expectedIds = expected.stream().map(h -> h.unit().id()).toList();
            List<String> actualIds = actual.stream().map(h -> h.unit().id()).toList();
            if (!expectedIds.equals(actualIds)) {
                differences.add(question + ": lucene " + expectedIds + " / opensearch " + actualIds);
                continue;
            }
            for (int i = 0; i < expected.size(); i++) {
                SearchHit e = expected.get(i);
                SearchHit a = actual.get(i);
                withQuestionSimilarity += a.questionSimilarity() != null ? 1 : 0;
                if (e.score() != a.score() || !Objects.equals(e.similarity(), a.similarity())
                        || !Objects.equals(e.questionSimilarity(), a.questionSimilarity())) {
                    differences.add(question + ": scores of " + e.unit().id() + " lucene " + e.score() + "/"
                            + e.similarity() + "/" + e.questionSimilarity() + " / opensearch " + a.score() + "/"
                            + a.similarity() + "/" + a.questionSimilarity());
                }
                if (!e.snippet().equals(a.snippet()) || !e.unit().equals(a.unit()) || !e.nutrients().equals(a.nutrients())) {
                    differences.add(question + ": unit or snippet of " + e.unit().id() + " differs");
                }
            }
        }
        differences.forEach(d -> System.out.println("similar questions difference: " + d));
        assertEquals(List.of(), differences);
        System.out.printf("similar questions: %d hits compared over %d requests%n", compared, requests.size());
        assertTrue(compared > 500, "similar questions compared: " + compared);
        assertEquals(compared, withQuestionSimilarity);
    }

    @Test
    void bothBackendsServeTheSameTopicsAndOneListPerBuild() {
        List<String> expected = lucene.topics();
        List<String> actual = openSearch.topics();
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
        assertEquals(Set.copyOf(actual).size(), actual.size());
        assertTrue(actual.containsAll(lucene.articles().stream().map(a -> a.title()).toList()), actual.toString());
        // The answer service rebuilds its gazetteer when the list changes (by identity).
        assertTrue(actual == openSearch.topics());
    }

    private static List<String> texts(String resource, String field) throws Exception {
        try (InputStream in = OpenSearchHybridParityTest.class.getResourceAsStream(resource)) {
            List<String> texts = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(q -> texts.add(q.get(field).asText()));
            return texts;
        }
    }
}
