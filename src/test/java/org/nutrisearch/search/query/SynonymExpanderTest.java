package org.nutrisearch.search.query;

import org.junit.jupiter.api.Test;
import org.nutrisearch.index.TextAnalyzers;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The synonym alternatives read from the query's token graph. */
class SynonymExpanderTest {

    private final SynonymExpander expander =
            new SynonymExpander(TextAnalyzers.englishWithSynonyms(TextAnalyzers.defaultSynonyms()));

    /** Each expansion as "typed -> alternative | alternative", terms joined by spaces. */
    private List<String> expand(String text) {
        return expander.expand(text).stream().map(e -> String.join(" ", e.typed().terms()) + " -> "
                + String.join(" | ", e.alternatives().stream().map(a -> String.join(" ", a.terms())).toList())).toList();
    }

    @Test
    void consumerWordsMeetClinicalOnesAndTheReverse() {
        assertEquals(List.of("low potassium -> potassium defici | hypokalemia | hypokalaemia"), expand("low potassium"));
        assertEquals(List.of("charlei hors -> leg cramp"), expand("Charley horses"));
        assertEquals(List.of("rl -> restless leg syndrom | restless leg | willi ekbom diseas"), expand("RLS"));
    }

    @Test
    void stopWordsInsideALineKeepTheirGap() {
        SynonymExpander.TermSequence pins = expander.expand("tingling").getFirst().alternatives().stream()
                .filter(a -> a.terms().getFirst().equals("pin")).findFirst().orElseThrow();
        assertEquals(List.of("pin", "needl"), pins.terms());
        assertEquals(List.of(0, 2), pins.positions());
    }

    @Test
    void textWithoutSynonymsOrWithoutWordsHasNoExpansions() {
        for (String text : List.of("magnesium", "", "*", "the", "?", "-", "the of and", "--- ***")) {
            assertEquals(List.of(), expand(text), text);
        }
        assertEquals(List.of("rl -> restless leg syndrom | restless leg | willi ekbom diseas"), expand("the rls"));
        assertEquals(2, expand("to the rls and low potassium").size());
    }
}
