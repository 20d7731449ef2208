package org.nutrisearch.answer;

import org.nutrisearch.search.SearchHit;

import java.util.Set;

/**
 * A unit considered as the answer to a question.
 *
 * @param hit        the search hit (unit, snippet, nutrients, search score)
 * @param features   what the confidence was computed from
 * @param score      the answer model's ranking score: candidates are ordered by it
 * @param confidence in [0, 1], the model's estimate that the unit is a right answer ({@link AnswerModel})
 * @param subjects   the subjects the unit says it is about (gazetteer keys of its title, heading, focus and
 *                   question, and the nutrients and synonym-file subjects its own heading, focus or
 *                   question names): two candidates that share one are never ambiguous
 */
public record AnswerCandidate(SearchHit hit, AnswerFeatures features, double score, double confidence,
                              Set<String> subjects) {

    public AnswerCandidate {
        subjects = Set.copyOf(subjects);
    }

    /** The same candidate with another hit of its unit (one with its snippet). */
    public AnswerCandidate withHit(SearchHit other) {
        return new AnswerCandidate(other, features, score, confidence, subjects);
    }

    /** The same candidate as another model scores it. */
    public AnswerCandidate scored(double otherScore, double otherConfidence) {
        return new AnswerCandidate(hit, features, otherScore, otherConfidence, subjects);
    }
}
