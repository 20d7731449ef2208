package org.nutrisearch.answer;

import org.nutrisearch.search.SearchHit;

import java.util.Set;

/**
 * A unit considered as the answer to a question.
 *
 * @param hit        the search hit (unit, snippet, nutrients, search score)
 * @param features   what the confidence was computed from
 * @param confidence in [0, 1], see {@link AnswerConfidence}
 * @param subjects   the subjects the unit says it is about (gazetteer keys of its title, heading, focus and
 *                   question): two candidates that share one are never ambiguous
 */
public record AnswerCandidate(SearchHit hit, AnswerFeatures features, double confidence, Set<String> subjects) {

    public AnswerCandidate {
        subjects = Set.copyOf(subjects);
    }

    /** The same candidate with another confidence (another model scored it). */
    public AnswerCandidate withConfidence(double other) {
        return new AnswerCandidate(hit, features, other, subjects);
    }
}
