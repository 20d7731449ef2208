package org.nutrisearch.search.query;

import org.junit.jupiter.api.Test;
import org.nutrisearch.index.TextAnalyzers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.nutrisearch.search.SearchRequest;

/** However a query is typed, it takes at most {@link UnitQueryBuilder#MAX_TERMS} terms from words and exclusions. */
class QueryBoundsTest {

    private final UnitQueryBuilder builder = new UnitQueryBuilder(TextAnalyzers.english());

    private int clauses(String q) {
        return UnitQueryBuilderFuzzTest.clauses(builder.build(SearchRequest.of(q)).query());
    }

    @Test
    void oneWordHoldingHundredsOfTermsIsCutAtTheCap() {
        // 250 terms in one typed word: each would be a clause in text, heading, question and title.
        assertEquals(4 * 64, clauses("x,".repeat(250)));
        assertEquals(4 * 10, clauses("x,".repeat(10)), "below the cap nothing is cut");
    }

    @Test
    void exclusionsShareTheBudgetWithTheWords() {
        // 60 word terms leave 4 for exclusions (3 fields each).
        String q = "w,".repeat(60) + " -" + "x,".repeat(100) + " -y";
        assertEquals(4 * 60 + 3 * 4, clauses(q));
    }

    @Test
    void firstTermsCutsAfterTheLastKeptTerm() {
        assertEquals("b,c", first("b,c,d", 2));
        assertEquals("b,c,d", first("b,c,d", 3));
        assertEquals("", first("b,c,d", 0));
        assertEquals("the b", first("the b c", 1), "stop words are not terms");
    }

    @Test
    void aQueryOfManyUnknownWordsLooksUpTheFirstSixteen() {
        UnitQueryBuilder service = new UnitQueryBuilder(TextAnalyzers.english(), null, null,
                org.nutrisearch.search.RankingOptions.DEFAULTS);
        ListVocabulary words = new ListVocabulary().word("magnesium", 40);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            q.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        service.build(SearchRequest.of(q.toString()), words);
        assertEquals(QueryPlanner.MAX_SPELLING_LOOKUPS, words.nearCalls);
        assertEquals(16, QueryPlanner.MAX_SPELLING_LOOKUPS);
    }

    private static String first(String text, int max) {
        return QueryTokens.of(TextAnalyzers.english(), text).first(max).text();
    }
}
