package org.nutrisearch.nutrients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        try (InputStream in = FoodLexicon.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("food list " + DEFAULT_RESOURCE + " is missing from the classpath");
            }
            List<String> words = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return new FoodLexicon(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read food list " + DEFAULT_RESOURCE, e);
        }
    }
}
