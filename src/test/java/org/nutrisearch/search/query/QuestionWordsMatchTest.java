package org.nutrisearch.search.query;

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
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * Question words ("what", "how", "causes") add to the score of a unit that matches a word about the
 * topic but match nothing alone: a question finds the units about its topic, not every FAQ.
 */
class QuestionWordsMatchTest {

    @TempDir
    static Path tmp;

    private static LuceneSearchBackend backend;

    @BeforeAll
    static void build() throws Exception {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        IndexGenerations generations = new IndexGenerations(tmp.resolve("index"));
        new IndexBuilder(new NutrientTagger(lexicon), json).rebuild(
                new CorpusLoader().load(Path.of("corpus")).articles(), generations, null);
        backend = LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()), lexicon, json);
        backend.cacheResults(0);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void genericWordsAreSplitOffWhileAnotherWordIsLeft() {
        assertEquals(List.of(List.of("leg", "cramp", "night"), List.of("what", "caus")),
                split("what causes leg cramps at night"));
        assertEquals(List.of(List.of("magnesium"), List.of("how", "much")), split("How much magnesium?"));
        assertEquals(List.of(List.of("what", "caus"), List.of()), split("what causes it"));
    }

    /** The planned terms a unit may match on, and those that only add to the score. */
    private static List<List<String>> split(String query) {
        QueryPlan plan = new UnitQueryBuilder(org.nutrisearch.index.TextAnalyzers.english()).plan(SearchRequest.of(query), null);
        return List.of(plan.matching().stream().map(QueryTokens.Token::term).toList(),
                plan.scoringOnly().stream().map(QueryTokens.Token::term).toList());
    }

    @Test
    void aQuestionMatchesWhatItsTopicWordsMatch() {
        long topic = backend.search(page("leg cramps night")).total();
        long question = backend.search(page("what causes leg cramps at night")).total();
        assertEquals(topic, question);
        assertTrue(topic > 0);
        // Only generic words: they match as before, or nothing could be found.
        assertTrue(backend.search(page("what causes it")).total() > 0);
    }

    @Test
    void questionWordsStillRankUnitsThatHoldThem() {
        SearchResult question = backend.search(page("what causes leg cramps at night"));
        SearchResult topic = backend.search(page("leg cramps night"));
        // Same units, but the question's words lift those that also hold them: scores never go down.
        assertEquals(ids(topic, 100).size(), ids(question, 100).size());
        for (SearchHit hit : question.hits()) {
            SearchHit same = topic.hits().stream().filter(h -> h.unit().id().equals(hit.unit().id())).findFirst()
                    .orElse(null);
            if (same != null) {
                assertTrue(hit.score() >= same.score() - 1e-6f, hit.unit().id());
            }
        }
    }

    private static SearchRequest page(String query) {
        return new SearchRequest(query, 100, 0, Set.of(), Set.of(), null);
    }

    private static Set<String> ids(SearchResult result, int max) {
        return result.hits().stream().limit(max).map(h -> h.unit().id()).collect(java.util.stream.Collectors.toSet());
    }
}
