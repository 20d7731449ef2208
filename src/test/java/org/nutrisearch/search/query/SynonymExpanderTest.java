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

    /**
     * Knowing the synonym lines' words, text none of whose lines it holds is not read again: the same
     * expansions for every query of the bench mix and for texts built to touch the lines' edges.
     */
    @Test
    void expansionsAreTheSameWhenTextWithoutALinesWordsIsNotRead() {
        SynonymExpander knowing = SynonymExpander.of(TextAnalyzers.defaultSynonyms());
        List<String> texts = new java.util.ArrayList<>(org.nutrisearch.bench.QueryMix.load().queries("mix"));
        texts.addAll(List.of("pins and needles", "pins needles", "tingling in my legs", "Charley horses at night",
                "low", "potassium", "low potassium", "potassium low", "vitamin b-12", "b12", "restless legs",
                "willis-ekbom disease", "iron deficiency anaemia", "the of and", "", "*", "what is beriberi",
                "thiamin deficiency symptoms", "calves", "cramps in the calf", "muscle cramps", "low blood calcium"));
        int same = 0;
        for (String text : texts) {
            List<String> terms = TextAnalyzers.terms(TextAnalyzers.english(), text);
            assertEquals(expander.expand(text), knowing.expand(text, terms), text);
            same += expander.expand(text).isEmpty() ? 0 : 1;
        }
        assertEquals(true, same > 10, same + " texts with synonyms");
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
