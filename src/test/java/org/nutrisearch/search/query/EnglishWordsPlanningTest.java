package org.nutrisearch.search.query;

import org.junit.jupiter.api.Test;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which words a query's plan corrects: misspellings always, common English words only when nothing else is known. */
class EnglishWordsPlanningTest {

    private final UnitQueryBuilder service = new UnitQueryBuilder(TextAnalyzers.english(), null, null, RankingOptions.DEFAULTS);
    private final ListVocabulary words = new ListVocabulary().word("water", 20).word("pain", 60).word("heart", 12)
            .word("magnesium", 40).word("cramps", 50);

    private String corrected(String query) {
        return service.plan(SearchRequest.of(query), words).correctedQuery();
    }

    @Test
    void anEnglishWordBesideAKnownWordIsTakenAsTyped() {
        assertNull(corrected("is plain water enough"), "\"water\" is known: \"plain\" was meant");
        assertEquals("is plain water enough for magnesium cramps", corrected("is plain water enough for magnesum cramps"),
                "the misspelling beside it is still corrected");
    }

    @Test
    void aQueryOfWordsTheIndexLacksHasItsEnglishWordsCorrected() {
        assertEquals("heart attack", corrected("hart attack"), "taken as typed it would find nothing");
    }
}
