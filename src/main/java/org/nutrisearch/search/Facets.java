package org.nutrisearch.search;

import java.util.List;

/** Counts over all matches of a search (not only the page shown). */
public record Facets(List<NutrientCount> nutrients, List<KindCount> kinds) {
    public Facets {
        nutrients = List.copyOf(nutrients);
        kinds = List.copyOf(kinds);
    }

    /** A nutrient and how many matching units mention it. */
    public record NutrientCount(String id, String label, int count) {
    }

    /** A unit kind and how many matching units are of it. */
    public record KindCount(String kind, int count) {
    }
}
