package org.nutrisearch.search.snippet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.Highlight;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.Snippet;
import org.nutrisearch.search.query.QueryTerms;
import org.nutrisearch.search.query.UnitQueryBuilder;

/**
 * Coverage-guided fuzzing of {@link SnippetBuilder#build}: for any text and query, the snippet is safe
 * HTML (only our marks, everything else escaped) showing a passage of at most 300 characters of the
 * text, and every highlight lies inside it. An input is the query on its first line, the unit text
 * after it (seeds in {@code SnippetBuilderFuzzTestInputs} are readable that way).
 */
class SnippetBuilderFuzzTest {

    private static final SnippetBuilder SNIPPETS =
            new SnippetBuilder(TextAnalyzers.english(), new NutrientTagger(NutrientLexicon.loadDefault()));
    private static final UnitQueryBuilder QUERIES = new UnitQueryBuilder(TextAnalyzers.english());

    @FuzzTest(maxDuration = "15s")
    void anyTextAndQueryGiveASafeSnippet(byte[] input) {
        String all = new String(input, StandardCharsets.UTF_8);
        int newline = all.indexOf('\n');
        String query = newline < 0 ? all : all.substring(0, newline);
        String text = newline < 0 ? "" : all.substring(newline + 1);
        QueryTerms terms = QUERIES.build(SearchRequest.of(query)).terms();
        Snippet snippet = SNIPPETS.build(text, terms);
        String plain = SnippetAssertions.assertSafe(snippet.html(), text, "query " + query);
        assertTrue(plain.length() <= SnippetBuilder.MAX_CHARS + 2, "snippet length " + plain.length());
        for (Highlight h : snippet.highlights()) {
            assertTrue(0 <= h.start() && h.start() < h.end() && h.end() <= plain.length(), h + " in " + plain.length());
        }
    }
}
