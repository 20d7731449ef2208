package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.Snippet;
import org.nutrisearch.search.SnippetsLater;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hits without snippets, and their snippets built afterwards, over the bundled articles (vectors from
 * {@link ConceptEmbedder}): every judged search query in each mode, and the nearest questions of every
 * judged chatbot question, give the same hits as with snippets, and the snippets built later are theirs.
 */
class SnippetsLaterTest {

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        backend = BundledConceptIndex.backend(BundledConceptIndex.build(dir));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void everyModeGivesTheSameHitsWithoutSnippetsAndTheSameSnippetsLater() throws Exception {
        for (SearchMode mode : SearchMode.values()) {
            List<String> differences = new ArrayList<>();
            int[] compared = {0};
            for (String text : texts("/eval/search-queries.json", "query")) {
                differences.addAll(SnippetsLater.searchDifferences(backend,
                        new SearchRequest(text, 10, 0, Set.of(), Set.of(), null, null, mode), compared));
            }
            assertEquals(List.of(), differences, mode.apiName());
            assertTrue(compared[0] > 300, mode.apiName() + ": hits compared " + compared[0]);
        }
    }

    @Test
    void nearestQuestionsGiveTheSameHitsWithoutSnippetsAndTheSameSnippetsLater() throws Exception {
        List<String> differences = new ArrayList<>();
        int[] compared = {0};
        for (String text : texts("/eval/answer-questions.json", "question")) {
            differences.addAll(SnippetsLater.similarQuestionDifferences(backend,
                    new SearchRequest(text, 10, 0, Set.of(), Set.of(), null, null, SearchMode.HYBRID), compared));
        }
        assertEquals(List.of(), differences);
        assertTrue(compared[0] > 300, "hits compared " + compared[0]);
    }

    @Test
    void aSnippetBuiltLaterMarksTheQueryAndTheNutrients() {
        SearchRequest request = new SearchRequest("iron restless legs", 1, 0, Set.of(), Set.of(), null, null,
                SearchMode.LEXICAL);
        SearchHit first = backend.search(request.withoutSnippets()).hits().getFirst();
        assertNull(first.snippet());
        Snippet later = backend.snippets(request, List.of(first.unit())).getFirst();
        assertEquals("<mark class=\"nutrient\" data-nutrient=\"iron\"><mark class=\"term\">Iron</mark></mark> "
                + "deficiency is a known cause of <mark class=\"term\">restless legs syndrome</mark> (<mark class=\"term\">RLS</mark>). "
                + "<mark class=\"term\">RLS</mark> involves an urge to move the <mark class=\"term\">legs</mark>, often with unpleasant sensations like tightness. "
                + "Improving <mark class=\"nutrient\" data-nutrient=\"iron\"><mark class=\"term\">iron</mark></mark> levels through diet or supplements, with medical guidance, is a key <mark class=\"term\">RLS</mark> treatment. "
                + "Dietary <mark class=\"nutrient\" data-nutrient=\"iron\"><mark class=\"term\">iron</mark></mark> sources include red meat, poultry,…", later.html());
    }

    private static List<String> texts(String resource, String field) throws Exception {
        try (InputStream in = SnippetsLaterTest.class.getResourceAsStream(resource)) {
            List<String> texts = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(q -> texts.add(q.get(field).asText()));
            return texts;
        }
    }
}
