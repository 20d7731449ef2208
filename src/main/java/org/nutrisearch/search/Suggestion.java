package org.nutrisearch.search;

/**
 * A completion for search-as-you-type.
 *
 * @param text what to show and search for
 * @param kind where it comes from: "nutrient", "phrase" (frequent in the articles), "heading" or "question"
 */
public record Suggestion(String text, String kind) {
}
