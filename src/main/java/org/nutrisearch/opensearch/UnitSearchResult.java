package org.nutrisearch.opensearch;

import java.util.List;
import java.util.Map;

/**
 * What a {@link UnitQuery} found.
 *
 * @param total          all matching units (not only this page)
 * @param hits           the page, best first, ties broken by unit id
 * @param nutrientCounts matching units per nutrient id, over all matches, most frequent first
 * @param kindCounts     matching units per kind, over all matches, most frequent first
 */
public record UnitSearchResult(long total, List<Hit> hits, Map<String, Long> nutrientCounts,
                               Map<String, Long> kindCounts) {
    public UnitSearchResult {
        hits = List.copyOf(hits);
    }

    /** One ranked unit and the passages of its text the highlighter picked (the start of the text when no word of it matched). */
    public record Hit(UnitDocument unit, double score, List<MarkedFragment> fragments) {
        public Hit {
            fragments = List.copyOf(fragments);
        }
    }
}
