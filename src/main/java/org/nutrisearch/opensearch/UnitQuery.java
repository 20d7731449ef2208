package org.nutrisearch.opensearch;

import java.util.Set;

/**
 * A search over units, as the OpenSearch backend runs it.
 *
 * @param text      the words to look for (analysed like the index, with synonyms)
 * @param kinds     kind API names to keep; empty keeps all
 * @param nutrients nutrient ids every hit must mention
 * @param articleId an article to search within, or null
 * @param offset    hits to skip
 * @param limit     hits to return
 */
public record UnitQuery(String text, Set<String> kinds, Set<String> nutrients, String articleId, int offset,
                        int limit) {
    public UnitQuery {
        kinds = Set.copyOf(kinds);
        nutrients = Set.copyOf(nutrients);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** The first ten hits for {@code text}, unfiltered. */
    public static UnitQuery of(String text) {
        return new UnitQuery(text, Set.of(), Set.of(), null, 0, 10);
    }
}
