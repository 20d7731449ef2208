package org.nutrisearch.answer;

import java.util.List;
import org.nutrisearch.search.SearchMode;

/**
 * Every candidate answer to a question, most confident first, with how they were retrieved (the
 * model that scored them depends on it).
 *
 * @param mode       how the candidates were retrieved: lexical when vectors were asked for but are not
 *                   available
 * @param candidates most confident first
 */
public record AnswerCandidates(SearchMode mode, List<AnswerCandidate> candidates) {
    public AnswerCandidates {
        candidates = List.copyOf(candidates);
    }

    /** No candidate (a question without content words, or no unit matching them). */
    public static AnswerCandidates none(SearchMode mode) {
        return new AnswerCandidates(mode, List.of());
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }
}
