package org.nutrisearch.answer;

import java.util.List;

/**
 * What is known about one candidate answer to one question, each value in [0, 1] except {@code lead}
 * (in [-1, 1]) and {@code evidence} (in [0, 2]). {@link AnswerConfidence} turns these into a confidence.
 *
 * @param coverage      the share of the question's word weight (IDF) that the unit contains, in its text,
 *                      its heading (sections and tables) or its FAQ question
 * @param window        the same share within the best passage of two consecutive sentences (plus the
 *                      heading or FAQ question): an answer says it in one place, a long section that
 *                      mentions every word somewhere does not
 * @param evidence      the summed weight of the question words the unit contains, in units of the
 *                      weight of a word no unit contains (capped at 2): matching one rare word is more
 *                      telling than matching two common ones
 * @param nutrientMiss  the share of nutrients the question names that the unit does not mention (0 when
 *                      the question names none)
 * @param relScore      the search score relative to the best candidate's
 * @param lead          for the best-scored candidate, its margin over the runner-up relative to its own
 *                      score; for every other candidate, how far it trails the best (negative)
 * @param faq           1 for an FAQ answer, else 0
 * @param similarity    the cosine similarity of the unit's embedding to the question's (0 when the
 *                      candidates were retrieved lexically): it connects "in bed" with "at night"
 * @param similarityLead for the most similar candidate, its similarity minus the runner-up's; for every
 *                      other candidate, its similarity minus the most similar one's (negative); 0 when
 *                      retrieved lexically
 */
public record AnswerFeatures(double coverage, double window, double evidence, double nutrientMiss,
                             double relScore, double lead, double faq, double similarity, double similarityLead) {

    /** Feature names in {@link #vector()} order, for weights, reports and docs. */
    public static final List<String> NAMES = List.of("coverage", "window", "evidence", "nutrientMiss", "relScore",
            "lead", "faq", "similarity", "similarityLead");

    /** The features of a candidate retrieved lexically (no embeddings compared). */
    public AnswerFeatures(double coverage, double window, double evidence, double nutrientMiss, double relScore,
                          double lead, double faq) {
        this(coverage, window, evidence, nutrientMiss, relScore, lead, faq, 0, 0);
    }

    /** The values in {@link #NAMES} order. */
    public double[] vector() {
        return new double[] {coverage, window, evidence, nutrientMiss, relScore, lead, faq, similarity, similarityLead};
    }
}
