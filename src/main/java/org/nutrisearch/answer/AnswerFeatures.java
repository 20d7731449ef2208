package org.nutrisearch.answer;

import java.util.List;

/**
 * What is known about one candidate answer to one question, each value in [0, 1] except {@code lead}
 * (in [-1, 1]), {@code length} (in [-1, 0]) and {@code evidence} (in [0, 2]). {@link AnswerModel} ranks candidates by these and turns them into a confidence.
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
 * @param questionSimilarity the cosine of the embedding of the question the unit answers (an FAQ's own
 *                      question, a heading that asks) to the user's question: the same question asked in
 *                      other words; 0 when the unit asks none or no embeddings were compared
 * @param questionMatch the share of the question's word weight found in the unit's own question, title,
 *                      heading or focus: the same question in the same words
 * @param focusMatch    1 when the unit's title, heading, focus or question names the subject the question
 *                      asks about, 0.5 when they hold its words but name a wider or narrower subject
 *                      ("swine flu" for "flu"), 0 otherwise or when the question names no known subject
 * @param focusMiss     1 when the question names a subject and the unit does not mention its words at all
 * @param typeMatch     1 when the unit answers the kind of question asked (symptoms for symptoms)
 * @param typeConflict  1 when the unit answers another kind (causes for a question about treatment)
 * @param pointer       the share of the unit that only points elsewhere (resource lists, links)
 * @param uncovered     the weight of the rarest question word the unit does not cover, in units of an
 *                      unseen word's weight (0..1): a unit about magnesium that never says "acne" does not
 *                      answer "does magnesium help with acne", however close it lies in meaning
 * @param searchRank    1 / rank of the unit in the search's order (1 for search's first hit), 0 for a
 *                      unit found only by its question
 * @param length        how much less the unit says than the longest candidate, on a log scale
 *                      ({@link AnswerFeatureExtractor#length} of the unit minus the longest candidate's: 0 for the
 *                      longest, down to -1): of two answers to one question the fuller one is more often the
 *                      complete one (MEDIQA's graders gave "excellent" to answers of 400 words at the median,
 *                      "correct but incomplete" to 170); relative, so it ranks candidates without making any
 *                      question look more answerable
 */
public record AnswerFeatures(double coverage, double window, double evidence, double nutrientMiss,
                             double relScore, double lead, double faq, double similarity, double similarityLead,
                             double questionSimilarity, double questionMatch, double focusMatch, double focusMiss,
                             double typeMatch, double typeConflict, double pointer, double uncovered,
                             double searchRank, double length) {

    /** Feature names in {@link #vector()} order, for weights, reports and docs. */
    public static final List<String> NAMES = List.of("coverage", "window", "evidence", "nutrientMiss", "relScore",
            "lead", "faq", "similarity", "similarityLead", "questionSimilarity", "questionMatch", "focusMatch",
            "focusMiss", "typeMatch", "typeConflict", "pointer", "uncovered", "searchRank", "length");

    /** The features of a candidate retrieved lexically (no embeddings compared), without question features. */
    public AnswerFeatures(double coverage, double window, double evidence, double nutrientMiss, double relScore,
                          double lead, double faq) {
        this(coverage, window, evidence, nutrientMiss, relScore, lead, faq, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The values in {@link #NAMES} order. */
    public double[] vector() {
        return new double[] {coverage, window, evidence, nutrientMiss, relScore, lead, faq, similarity, similarityLead,
                questionSimilarity, questionMatch, focusMatch, focusMiss, typeMatch, typeConflict, pointer, uncovered,
                searchRank, length};
    }
}
