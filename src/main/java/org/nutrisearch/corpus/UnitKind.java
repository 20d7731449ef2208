package org.nutrisearch.corpus;

import java.util.Locale;

/** The kinds of searchable unit, with the names the API uses. */
public enum UnitKind {
    SECTION, FAQ, TABLE, SUMMARY, KEYPOINT;

    /** The lower-case name used in URLs and JSON. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API name; returns null when it names no kind. */
    public static UnitKind fromApiName(String name) {
        for (UnitKind k : values()) {
            if (k.apiName().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
