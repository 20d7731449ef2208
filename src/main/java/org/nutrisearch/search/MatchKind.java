package org.nutrisearch.search;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How a marked word of a snippet matched the query: as typed, by its stem ("cramping" for "cramps"),
 * as a consumer ↔ clinical synonym (a multi-word synonym is one span), or as a typo correction.
 */
public enum MatchKind {
    EXACT, STEM, SYNONYM, FUZZY;

    /** The name in the API ({@code exact}, {@code stem}, {@code synonym}, {@code fuzzy}). */
    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
