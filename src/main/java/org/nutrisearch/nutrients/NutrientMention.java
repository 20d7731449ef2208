package org.nutrisearch.nutrients;

/**
 * A nutrient named in a text: {@code text.substring(start, end)} is the mention.
 *
 * @param start     offset of the first character (inclusive)
 * @param end       offset after the last character (exclusive)
 * @param nutrientId the canonical id of the nutrient named
 */
public record NutrientMention(int start, int end, String nutrientId) {
}
