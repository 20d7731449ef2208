package org.nutrisearch.answer;
import org.nutrisearch.search.SearchHit;

/**
 * A unit considered as the answer to a question.
 *
 * @param hit        the search hit (unit, snippet, nutrients, search score)
 * @param features   what the confidence was computed from
 * @param confidence in [0, 1], see {@link AnswerConfidence}
 */
public record AnswerCandidate(SearchHit hit, AnswerFeatures features, double confidence) {
}
