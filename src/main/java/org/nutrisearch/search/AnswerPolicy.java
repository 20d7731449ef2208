package org.nutrisearch.search;

/**
 * When the answer service answers, and when it declines.
 *
 * @param threshold        the confidence the best candidate needs (0..1)
 * @param ambiguityMargin  the best two candidates are "nearly equal" when their confidences differ by at
 *                         most this much
 * @param maxSharedTerms   ... and they "say different things" when at most this share of the shorter
 *                         one's distinct terms also occurs in the other
 */
public record AnswerPolicy(double threshold, double ambiguityMargin, double maxSharedTerms) {

    /** Chosen from the judged chatbot questions: see docs/answer.md. */
    public static final double DEFAULT_THRESHOLD = 0.35;
    public static final double DEFAULT_AMBIGUITY_MARGIN = 0.03;
    public static final double DEFAULT_MAX_SHARED_TERMS = 0.5;

    public AnswerPolicy {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be between 0 and 1");
        }
        if (ambiguityMargin < 0 || maxSharedTerms < 0 || maxSharedTerms > 1) {
            throw new IllegalArgumentException("ambiguity margin and shared terms must be within range");
        }
    }

    /** The defaults with another threshold. */
    public static AnswerPolicy withThreshold(double threshold) {
        return new AnswerPolicy(threshold, DEFAULT_AMBIGUITY_MARGIN, DEFAULT_MAX_SHARED_TERMS);
    }
}
