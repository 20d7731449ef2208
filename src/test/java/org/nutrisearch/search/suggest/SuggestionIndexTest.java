package org.nutrisearch.search.suggest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Prefix lookup and the order of suggestions. */
class SuggestionIndexTest {

    private static SuggestionIndex.Entry entry(String text, String kind, int frequency, String... aliases) {
        List<String> keys = new java.util.ArrayList<>(List.of(text));
        keys.addAll(List.of(aliases));
        return new SuggestionIndex.Entry(text, kind, frequency, keys);
    }

    private static final SuggestionIndex INDEX = SuggestionIndex.of(List.of(
            entry("Vitamin B12", "nutrient", 20, "cobalamin", "B12"),
            entry("Vitamin B1", "nutrient", 5, "thiamine", "B1"),
            entry("Magnesium", "nutrient", 40),
            entry("leg cramps", "phrase", 30),
            entry("muscle cramps", "phrase", 12),
            entry("cramps at night", "phrase", 3),
            entry("nocturnal leg cramps", "phrase", 4),
            entry("cramping muscles", "phrase", 2),
            entry("Magnesium Deficiency and Nighttime Cramps", "heading", 1),
            entry("Cramp Relief", "heading", 2),
            entry("What causes leg cramps?", "question", 1),
            entry("magnesium", "phrase", 9)));

    private static List<String> texts(String prefix, int limit) {
        return INDEX.suggest(prefix, limit).stream().map(s -> s.kind() + ":" + s.text()).toList();
    }

    @Test
    void kindFirstThenStartOfTextThenFrequency() {
        // Phrases first; among them those starting with "cram", then by frequency. The three other
        // matches leave five places, so all five phrases are shown.
        assertEquals(List.of(
                "phrase:cramps at night", "phrase:cramping muscles", "phrase:leg cramps", "phrase:muscle cramps",
                "phrase:nocturnal leg cramps", "heading:Cramp Relief",
                "heading:Magnesium Deficiency and Nighttime Cramps", "question:What causes leg cramps?"),
                texts("cram", 8));
    }

    @Test
    void phrasesTakeAtMostHalfWhileOtherKindsMatch() {
        assertEquals(List.of("phrase:cramps at night", "phrase:cramping muscles", "heading:Cramp Relief",
                "heading:Magnesium Deficiency and Nighttime Cramps"), texts("cram", 4));
        // Nothing but phrases match: they fill every place.
        assertEquals(List.of("phrase:muscle cramps", "phrase:cramping muscles"), texts("musc", 1 + 1));
    }

    @Test
    void caseAndPunctuationAreIgnoredAndWholeWordsComeFirst() {
        assertEquals(List.of("nutrient:Vitamin B1", "nutrient:Vitamin B12"), texts("  B1", 8));
        assertEquals(List.of("nutrient:Vitamin B12"), texts("COBAL", 8));
        assertEquals(List.of("phrase:leg cramps", "phrase:nocturnal leg cramps", "question:What causes leg cramps?"),
                texts("leg-cr", 8));
    }

    @Test
    void aTextOfferedTwiceKeepsItsFirstKind() {
        assertEquals(List.of("nutrient:Magnesium", "heading:Magnesium Deficiency and Nighttime Cramps"),
                texts("magnes", 8));
        assertEquals(11, INDEX.size());
    }

    @Test
    void nothingForNoPrefix() {
        assertEquals(List.of(), texts(" -- ", 8));
        assertEquals(List.of(), texts("zzz", 8));
    }
}
