package org.nutrisearch.answer;

import java.util.Locale;

/** Why the answer service gave no answer. */
public enum DeclineReason {
    /** The question has no searchable words, or no unit contains any of them. */
    NO_MATCH,
    /** The best candidate's confidence is below the threshold. */
    LOW_CONFIDENCE,
    /** Two confident candidates from different articles say different things with nearly equal confidence. */
    AMBIGUOUS;

    /** The lower-case name used in JSON ("no_match", "low_confidence", "ambiguous"). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
