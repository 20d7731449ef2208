package org.nutrisearch.search;

import org.junit.jupiter.api.Test;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnippetBuilderTest {

    private final SnippetBuilder snippets = new SnippetBuilder(TextAnalyzers.english(),
            new NutrientTagger(NutrientLexicon.loadDefault()));
    private final UnitQueryBuilder queries = new UnitQueryBuilder(TextAnalyzers.english());

    private QueryTerms terms(String q) {
        return queries.build(new SearchRequest(q, 10, 0, Set.of(UnitKind.FAQ), Set.of(), null)).terms();
    }

    @Test
    void stemmedMatchesAreMarkedAndSaySo() {
        Snippet s = snippets.build("Cramping legs & a cramp.", terms("cramps"));
        assertEquals("<mark class=\"term\">Cramping</mark> legs &amp; a <mark class=\"term\">cramp</mark>.", s.html());
        assertEquals(List.of(Highlight.term(0, 8, "stem"), Highlight.term(18, 23, "stem")), s.highlights());
    }

    @Test
    void longTextGetsTheBestSentenceWindowWithEllipses() {
        String filler = "Sleep well and drink water every day. ".repeat(12);
        String text = filler + "Low potassium causes cramps. " + filler;
        Snippet s = snippets.build(text, terms("potassium cramps"));
        assertTrue(s.html().startsWith("…Low <mark class=\"nutrient\" data-nutrient=\"potassium\"><mark class=\"term\">potassium</mark></mark>"), s.html());
        assertTrue(s.html().endsWith("…"), s.html());
        String plain = s.html().replaceAll("<[^>]+>", "");
        assertTrue(plain.length() <= SnippetBuilder.MAX_CHARS + 2, plain.length() + "");
        Highlight first = s.highlights().get(0);
        assertEquals("potassium", plain.substring(first.start(), first.end()));
    }

    @Test
    void escapesBeforeMarking() {
        Snippet s = snippets.build("<b>iron</b>", terms("iron"));
        assertEquals("&lt;b&gt;<mark class=\"nutrient\" data-nutrient=\"iron\"><mark class=\"term\">iron</mark></mark>&lt;/b&gt;", s.html());
        // Offsets are into the decoded plain text "<b>iron</b>".
        assertEquals(List.of(Highlight.nutrient(3, 7, "iron"), Highlight.term(3, 7, "exact")), s.highlights());
    }
}
