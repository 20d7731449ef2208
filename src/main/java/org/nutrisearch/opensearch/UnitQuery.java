package org.nutrisearch.opensearch;

import java.util.List;
import java.util.Set;

/**
 * A search over units, as the OpenSearch backend runs it: the parts of a parsed user query plus
 * filters and paging. With no words, phrases or exclusions it matches every unit (facets over all).
 *
 * @param words     free words, scored across heading, question and text (any may match)
 * @param phrases   quoted phrases, each required in one of those fields
 * @param excluded  words no hit may contain in those fields
 * @param kinds     kind API names to keep; empty keeps all
 * @param nutrients nutrient ids every hit must mention
 * @param articleId an article to search within, or null
 * @param offset    hits to skip
 * @param limit     hits to return (0 for counts only)
 */
public record UnitQuery(String words, List<String> phrases, List<String> excluded, Set<String> kinds,
                        Set<String> nutrients, String articleId, int offset, int limit) {
    public UnitQuery {
        words = words == null ? "" : words;
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
        kinds = Set.copyOf(kinds);
        nutrients = Set.copyOf(nutrients);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** The first ten hits for {@code words}, unfiltered. */
    public static UnitQuery of(String words) {
        return new UnitQuery(words, List.of(), List.of(), Set.of(), Set.of(), null, 0, 10);
    }

    /** Every unit passing the filters, for listing and counting. */
    public static UnitQuery all(Set<String> kinds, Set<String> nutrients, String articleId, int offset, int limit) {
        return new UnitQuery("", List.of(), List.of(), kinds, nutrients, articleId, offset, limit);
    }

    public UnitQuery withPage(int newOffset, int newLimit) {
        return new UnitQuery(words, phrases, excluded, kinds, nutrients, articleId, newOffset, newLimit);
    }

    public UnitQuery withFilters(Set<String> newKinds, Set<String> newNutrients, String newArticleId) {
        return new UnitQuery(words, phrases, excluded, newKinds, newNutrients, newArticleId, offset, limit);
    }

    boolean positive() {
        return !words.isBlank() || !phrases.isEmpty();
    }
}
