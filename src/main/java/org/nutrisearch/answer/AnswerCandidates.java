package org.nutrisearch.answer;

import java.util.List;
import org.nutrisearch.search.SearchMode;

/**
 * Every candidate answer to a question, most confident first, with how they were retrieved (the
 * model that scored them depends on it).
 *
 * @param mode       how the candidates were retrieved: lexical when vectors were asked for but are not
 *                   available
 * @param candidates best first (the model's ranking score)
 * @param analysis   what the question was read to ask (null when it was not read: no content words)
 */
public record AnswerCandidates(SearchMode mode, List<AnswerCandidate> candidates, QuestionAnalysis analysis) {
    public AnswerCandidates {
        candidates = List.copyOf(candidates);
    }

    /** Candidates of a question that was not read. */
    public AnswerCandidates(SearchMode mode, List<AnswerCandidate> candidates) {
        this(mode, candidates, null);
    }

    /** No candidate (a question without content words, or no unit matching them). */
    public static AnswerCandidates none(SearchMode mode) {
        return new AnswerCandidates(mode, List.of(), null);
    }

    /** No candidate for a question that was read. */
    public static AnswerCandidates none(SearchMode mode, QuestionAnalysis analysis) {
        return new AnswerCandidates(mode, List.of(), analysis);
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }
}
