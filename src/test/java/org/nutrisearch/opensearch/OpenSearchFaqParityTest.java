package org.nutrisearch.opensearch;

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
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chatbot over a small FAQ corpus (MedQuAD-shaped pairs with focus and type, grouped by source and
 * focus) answers alike on both backends: the embedded index and an OpenSearch node with the k-NN plugin
 * (2 shards), both built with the real model. Units read back with their focus and question type, the
 * question vectors give the same question similarities and the same similar questions, the topics are
 * the same, and every question gets the same answer, confidence, reason and reading.
 */
@Tag("integration")
@Tag("opensearch")
@ExtendWith(KnnOpenSearch.class)
class OpenSearchFaqParityTest {

    /** FaqAnswerApiTest's questions and a few more: same question, restatements, links, a long message, off-topic. */
    private static final List<String> QUESTIONS = List.of(
            "What are the symptoms of the flu?",
            "How to prevent Diabetes?",
            "How to treat asthma?",
            "Hello. My son was diagnosed with asthma last year and he still coughs at night even with his inhaler. "
                    + "What causes asthma and what else can we do?",
            "how do I reset my wifi router",
            "what is the flu",
            "kidney stone pain in my back",
            "does diabetis make you thirsty",
            "can asthma be cured");

    @TempDir
    static Path dir;
    private static BothBackends both;
    private static LuceneSearchBackend lucene;
    private static OpenSearchBackend openSearch;
    private static List<Article> articles;

    @BeforeAll
    static void indexBothWays(KnnTestCluster cluster) throws Exception {
        articles = new CorpusLoader().load(Path.of("src/test/resources/faq")).articles();
        both = BothBackends.index(articles, dir, cluster, "faq-parity");
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
    void everyUnitReadsBackWithItsFocusQuestionTypeAndQuestionVector() {
        List<Unit> units = articles.stream().flatMap(a -> a.units().stream()).toList();
        assertEquals(10, units.size());
        assertEquals(10, openSearch.servedBuild().info().questionVectors());
        // Every unit, found by a search naming it, as the corpus parsed it (focus and type included).
        for (Unit unit : units) {
            SearchRequest request = new SearchRequest(unit.question(), 10, 0, Set.of(), Set.of(), null, null,
                    SearchMode.HYBRID);
            Unit found = openSearch.search(request).hits().stream().map(SearchHit::unit)
                    .filter(u -> u.id().equals(unit.id())).findFirst().orElseThrow(() -> new AssertionError(unit.id()));
            assertEquals(unit, found);
        }
        Unit symptoms = units.stream().filter(u -> "What are the symptoms of Flu ?".equals(u.question())).findFirst().orElseThrow();
        assertEquals("Flu", symptoms.focus());
        assertEquals(QuestionType.SYMPTOMS, symptoms.questionType());
    }

    @Test
    void theTopicsAreTheSame() {
        assertEquals(lucene.topics().stream().sorted().toList(), openSearch.topics().stream().sorted().toList());
        assertTrue(openSearch.topics().containsAll(List.of("Flu", "Diabetes", "Kidney Stones")), openSearch.topics().toString());
    }

    @Test
    void searchesAndSimilarQuestionsGiveTheSameUnitsAndQuestionSimilarities() {
        List<String> differences = new ArrayList<>();
        int withQuestionSimilarity = 0;
        for (String question : QUESTIONS) {
            for (SearchMode mode : List.of(SearchMode.HYBRID, SearchMode.SEMANTIC, SearchMode.LEXICAL)) {
                SearchRequest request = new SearchRequest(question, 10, 0, Set.of(), Set.of(), null, null, mode);
                List<SearchHit> actual = openSearch.search(request).hits();
                differences.addAll(differences(question + " [" + mode.apiName() + "]", lucene.search(request).hits(), actual));
                withQuestionSimilarity += (int) actual.stream().filter(h -> h.questionSimilarity() != null).count();
            }
            SearchRequest similar = new SearchRequest(question, 4, 0, Set.of(), Set.of(), null, null, SearchMode.HYBRID);
            List<SearchHit> expected = lucene.similarQuestions(similar);
            assertEquals(4, expected.size(), question);
            differences.addAll(differences(question + " [similar questions]", expected, openSearch.similarQuestions(similar)));
        }
        differences.forEach(d -> System.out.println("faq parity difference: " + d));
        assertEquals(List.of(), differences);
        assertTrue(withQuestionSimilarity > 50, "hits with a question similarity: " + withQuestionSimilarity);
    }

    @Test
    void everyQuestionGetsTheSameAnswerOnBothBackends() {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        AnswerService embedded = AnswerService.withDefaults(lucene, lexicon, AnswerPolicy.defaults());
        AnswerService cluster = AnswerService.withDefaults(openSearch, lexicon, AnswerPolicy.defaults());
        List<String> differences = new ArrayList<>();
        int answered = 0;
        int[] snippets = {0};
        for (String question : QUESTIONS) {
            for (SearchMode mode : List.of(SearchMode.HYBRID, SearchMode.LEXICAL)) {
                AnswerRequest request = new AnswerRequest(question, Set.of(), Set.of(), null, mode);
                AnswerResult e = embedded.answer(request);
                AnswerResult a = cluster.answer(request);
                // Each answer shows the snippets its backend's searches with snippets give (highlights on OpenSearch).
                differences.addAll(AnswerSnippets.differences(lucene, embedded, request, e, snippets));
                differences.addAll(AnswerSnippets.differences(openSearch, cluster, request, a, snippets));
                answered += e.answer() != null ? 1 : 0;
                if (!summary(e).equals(summary(a))) {
                    differences.add(question + " [" + mode.apiName() + "]: lucene " + summary(e) + " / opensearch " + summary(a));
                }
            }
        }
        differences.forEach(d -> System.out.println("faq answer difference: " + d));
        assertEquals(List.of(), differences);
        assertTrue(answered >= 8, "answered: " + answered);
        assertTrue(snippets[0] > 40, "answer snippets compared: " + snippets[0]);
    }

    /** The answer's unit and confidence (4 digits), the alternatives, reason, mode and how the question was read. */
    private static String summary(AnswerResult r) {
        String unit = r.answer() == null ? "none" : r.answer().hit().unit().id()
                + String.format(Locale.ROOT, " %.4f", r.answer().confidence());
        List<String> alternatives = r.alternatives().stream().map(c -> c.hit().unit().id()
                + String.format(Locale.ROOT, " %.4f", c.confidence())).toList();
        return unit + " " + alternatives + " " + r.reason() + " " + r.mode() + " " + r.analysis().asking() + " " + r.analysis().focus() + " " + r.analysis().types();
    }

    private static List<String> differences(String label, List<SearchHit> expected, List<SearchHit> actual) {
        List<String> expectedIds = expected.stream().map(h -> h.unit().id()).toList();
        List<String> actualIds = actual.stream().map(h -> h.unit().id()).toList();
        if (!expectedIds.equals(actualIds)) {
            return List.of(label + ": lucene " + expectedIds + " / opensearch " + actualIds);
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            SearchHit e = expected.get(i);
            SearchHit a = actual.get(i);
            if (!e.unit().equals(a.unit()) || !e.snippet().equals(a.snippet()) || !e.nutrients().equals(a.nutrients())) {
                differences.add(label + ": unit or snippet of " + e.unit().id() + " differs: " + e.unit() + " / " + a.unit());
            }
            if (Math.abs(e.score() - a.score()) > 1e-4 * Math.max(1, Math.abs(a.score()))
                    || !Objects.equals(e.similarity(), a.similarity())
                    || !Objects.equals(e.questionSimilarity(), a.questionSimilarity())) {
                differences.add(label + ": scores of " + e.unit().id() + " lucene " + e.score() + "/" + e.similarity()
                        + "/" + e.questionSimilarity() + " / opensearch " + a.score() + "/" + a.similarity() + "/"
                        + a.questionSimilarity());
            }
        }
        return differences;
    }
}
