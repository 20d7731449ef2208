package org.nutrisearch.nutrients;

import java.util.List;

/**
 * A nutrient of the lexicon.
 *
 * @param id       canonical id used in the API, e.g. {@code magnesium}, {@code vitamin-d}
 * @param label    display label, e.g. "Vitamin D"
 * @param aliases  every other surface form that names it (case-insensitive), e.g. "D3", "cholecalciferol"
 * @param clinical clinical words that name its deficiency, e.g. "hypomagnesemia"
 */
public record Nutrient(String id, String label, List<String> aliases, List<String> clinical) {
    public Nutrient {
        aliases = List.copyOf(aliases);
        clinical = List.copyOf(clinical);
    }
}
