package org.nutrisearch.nutrients;

import java.util.List;
import java.util.Locale;

/**
 * Everyday foods ({@code foods.txt}): what a passage names when it says where a nutrient comes from
 * ("spinach, almonds, pumpkin seeds"), as opposed to one that only says "magnesium-rich foods".
 */
public final class FoodLexicon {

    private static final String DEFAULT_RESOURCE = "foods.txt";
    private static final FoodLexicon DEFAULT = load();

    private final List<String> words;

    private FoodLexicon(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** The bundled list, read once. */
    public static FoodLexicon loadDefault() {
        return DEFAULT;
    }

    /** The foods, lower case, one word each, in file order. */
    public List<String> words() {
        return words;
    }

    private static FoodLexicon load() {
        return new FoodLexicon(WordListResource.read(FoodLexicon.class, DEFAULT_RESOURCE).stream()
                .map(w -> w.toLowerCase(Locale.ROOT)).toList());
    }
}
