package org.nutrisearch.search.snippet;

import org.junit.jupiter.api.Test;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.Highlight;
import org.nutrisearch.search.MatchKind;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.Snippet;
import org.nutrisearch.search.query.QueryTerms;
import org.nutrisearch.search.query.UnitQueryBuilder;

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
        assertEquals(List.of(Highlight.term(0, 8, MatchKind.STEM), Highlight.term(18, 23, MatchKind.STEM)), s.highlights());
    }

    @Test
    void everyCharacterHtmlGivesMeaningToIsEscapedBetweenMarks() {
        Snippet s = snippets.build("<b>\"Cramps\"</b> & 'magnesium' > x&&", terms("cramps"));
        assertEquals("&lt;b&gt;&quot;<mark class=\"term\">Cramps</mark>&quot;&lt;/b&gt; &amp; &#39;"
                + "<mark class=\"nutrient\" data-nutrient=\"magnesium\">magnesium</mark>&#39; &gt; x&amp;&amp;", s.html());
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
    void escapeReplacesEachSpecialCharacterWhereverItStands() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
                SnippetBuilder.escape("<a href=\"x\">Tom & Jerry's</a>"));
        assertEquals("&amp;&amp;", SnippetBuilder.escape("&&"), "two in a row");
        assertEquals("plain text", SnippetBuilder.escape("plain text"));
        assertEquals("", SnippetBuilder.escape(""));
    }

    @Test
    void escapesBeforeMarking() {
        Snippet s = snippets.build("<b>iron</b>", terms("iron"));
        assertEquals("&lt;b&gt;<mark class=\"nutrient\" data-nutrient=\"iron\"><mark class=\"term\">iron</mark></mark>&lt;/b&gt;", s.html());
        // Offsets are into the decoded plain text "<b>iron</b>".
        assertEquals(List.of(Highlight.nutrient(3, 7, "iron"), Highlight.term(3, 7, MatchKind.EXACT)), s.highlights());
    }

    /** Terms as the service builds them: with synonyms and nutrients (no index, so no typo corrections). */
    private static QueryTerms withSynonyms(String q) {
        UnitQueryBuilder builder = new UnitQueryBuilder(TextAnalyzers.english(),
                TextAnalyzers.englishWithSynonyms(TextAnalyzers.defaultSynonyms()),
                new NutrientTagger(NutrientLexicon.loadDefault()), RankingOptions.DEFAULTS);
        return builder.build(SearchRequest.of(q)).terms();
    }

    @Test
    void aMultiWordSynonymIsMarkedAsOneSpan() {
        Snippet s = snippets.build("Restless Legs Syndrome (RLS) is common.", withSynonyms("rls"));
        assertEquals("<mark class=\"term\">Restless Legs Syndrome</mark> (<mark class=\"term\">RLS</mark>) is common.",
                s.html());
        assertEquals(List.of(Highlight.term(0, 22, MatchKind.SYNONYM), Highlight.term(24, 27, MatchKind.EXACT)), s.highlights());

        Snippet night = snippets.build("Treating nocturnal leg cramps at home.", withSynonyms("night cramps"));
        assertEquals("Treating <mark class=\"term\">nocturnal leg cramps</mark> at home.", night.html());
        assertEquals(List.of(Highlight.term(9, 29, MatchKind.SYNONYM)), night.highlights());
    }

    @Test
    void aSynonymPhraseWithAStopWordInsideIsStillOneSpan() {
        Snippet s = snippets.build("Some feel pins and needles in the feet.", withSynonyms("tingling"));
        assertEquals("Some feel <mark class=\"term\">pins and needles</mark> in the feet.", s.html());
        assertEquals(List.of(Highlight.term(10, 26, MatchKind.SYNONYM)), s.highlights());
    }

    @Test
    void aNutrientInsideASynonymPhraseNestsInItsMark() {
        Snippet s = snippets.build("Potassium deficiency, or low potassium, is hypokalemia.", withSynonyms("hypokalemia"));
        assertEquals("<mark class=\"term\"><mark class=\"nutrient\" data-nutrient=\"potassium\">Potassium</mark> deficiency</mark>,"
                + " or <mark class=\"term\">low <mark class=\"nutrient\" data-nutrient=\"potassium\">potassium</mark></mark>,"
                + " is <mark class=\"nutrient\" data-nutrient=\"potassium\"><mark class=\"term\">hypokalemia</mark></mark>.",
                s.html());
        assertEquals(List.of(
                Highlight.term(0, 20, MatchKind.SYNONYM), Highlight.nutrient(0, 9, "potassium"),
                Highlight.term(25, 38, MatchKind.SYNONYM), Highlight.nutrient(29, 38, "potassium"),
                Highlight.nutrient(43, 54, "potassium"), Highlight.term(43, 54, MatchKind.EXACT)), s.highlights());
    }
}
