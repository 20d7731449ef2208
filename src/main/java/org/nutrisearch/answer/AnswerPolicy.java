package org.nutrisearch.answer;

/**
 * When the answer service answers, and when it declines. See docs/answer.md for how the defaults were
 * chosen.
 *
 * @param threshold        the confidence the best candidate needs (0..1)
 * @param ambiguityMargin  the best candidate and the best one from another article are "nearly equal"
 *                         when their confidences differ by at most this much
 * @param maxSharedTerms   ... and they "say different things" when at most this share of the smaller
 *                         one's distinct terms also occurs in the other (above it, one restates the other)
 * @param alternativeFloor candidates less confident than this are not offered as alternatives
 */
public record AnswerPolicy(double threshold, double ambiguityMargin, double maxSharedTerms,
                           double alternativeFloor) {

    /** Chosen from the judged chatbot questions under leave-one-out: see docs/answer.md. */
    public static final double DEFAULT_THRESHOLD = 0.45;
    public static final double DEFAULT_AMBIGUITY_MARGIN = 0.05;
    public static final double DEFAULT_MAX_SHARED_TERMS = 0.5;
    public static final double DEFAULT_ALTERNATIVE_FLOOR = 0.1;

    public AnswerPolicy {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be between 0 and 1");
        }
        if (ambiguityMargin < 0 || ambiguityMargin > 1 || maxSharedTerms < 0 || maxSharedTerms > 1
                || alternativeFloor < 0 || alternativeFloor > 1) {
            throw new IllegalArgumentException("ambiguity margin, shared terms and alternative floor must be in 0..1");
        }
    }

    /** The defaults with another threshold. */
    public static AnswerPolicy withThreshold(double threshold) {
        return new AnswerPolicy(threshold, DEFAULT_AMBIGUITY_MARGIN, DEFAULT_MAX_SHARED_TERMS, DEFAULT_ALTERNATIVE_FLOOR);
    }

    /** The defaults. */
    public static AnswerPolicy defaults() {
        return withThreshold(DEFAULT_THRESHOLD);
    }
}
