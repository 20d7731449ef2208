package org.nutrisearch.search.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nutrisearch.nutrients.NutrientLexicon;

class SuggestionSourcesTest {

    private final NutrientLexicon lexicon = NutrientLexicon.loadDefault();

    @Test
    void headingsQuestionsAndPhrasesOfTwoOrMoreUnitsAreOffered() {
        List<SuggestionSources.UnitText> units = List.of(
                new SuggestionSources.UnitText("Key Points › Night cramps", null,
                        "Restless legs syndrome disturbs sleep."),
                new SuggestionSources.UnitText("Night cramps", "Why do legs cramp?",
                        "People with restless legs syndrome move at night."),
                new SuggestionSources.UnitText(null, "Why do legs cramp?", "Magnesium helps."));

        List<SuggestionIndex.Entry> entries = new SuggestionSources().collect(units, lexicon, Map.of("magnesium", 1));

        assertEquals(List.of(
                        new SuggestionIndex.Entry("Magnesium", "nutrient", 1, keys("magnesium")),
                        new SuggestionIndex.Entry("Night cramps", "heading", 2, List.of("Night cramps")),
                        new SuggestionIndex.Entry("Why do legs cramp?", "question", 2, List.of("Why do legs cramp?")),
                        new SuggestionIndex.Entry("restless legs syndrome", "phrase", 2, List.of("restless legs syndrome"))),
                entries);
    }

    private List<String> keys(String nutrientId) {
        return lexicon.nutrients().stream().filter(n -> n.id().equals(nutrientId)).findFirst()
                .map(n -> {
                    List<String> keys = new java.util.ArrayList<>(List.of(n.label()));
                    keys.addAll(n.aliases());
                    return keys;
                }).orElseThrow();
    }
}
