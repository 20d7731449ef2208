package org.nutrisearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * A marked span of a snippet's plain text (the snippet with tags removed and entities decoded).
 *
 * @param start    offset of the first character
 * @param end      offset after the last character
 * @param type     a nutrient mention or a query match
 * @param nutrient the nutrient id, for {@link Type#NUTRIENT}
 * @param match    how a query word matched, for {@link Type#TERM}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Highlight(int start, int end, Type type, String nutrient, MatchKind match) {

    /** What a highlight marks. */
    public enum Type {
        NUTRIENT, TERM;

        /** The name in the API ({@code nutrient}, {@code term}). */
        @JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Highlight nutrient(int start, int end, String nutrientId) {
        return new Highlight(start, end, Type.NUTRIENT, nutrientId, null);
    }

    public static Highlight term(int start, int end, MatchKind match) {
        return new Highlight(start, end, Type.TERM, null, match);
    }
}
