package org.nutrisearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A marked span of a snippet's plain text (the snippet with tags removed and entities decoded).
 *
 * @param start    offset of the first character
 * @param end      offset after the last character
 * @param type     "nutrient" or "term"
 * @param nutrient the nutrient id, for type "nutrient"
 * @param match    how a term matched ("exact", "stem", "synonym", "fuzzy"), for type "term"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Highlight(int start, int end, String type, String nutrient, String match) {

    public static Highlight nutrient(int start, int end, String nutrientId) {
        return new Highlight(start, end, "nutrient", nutrientId, null);
    }

    public static Highlight term(int start, int end, String match) {
        return new Highlight(start, end, "term", null, match);
    }
}
