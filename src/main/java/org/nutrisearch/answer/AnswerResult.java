package org.nutrisearch.answer;

import java.util.List;
import org.nutrisearch.search.SearchMode;

/**
 * What the answer service says to a question.
 *
 * @param question     the question as asked
 * @param answer       the answer, or null when declined
 * @param alternatives up to {@link AnswerService#ALTERNATIVES} further candidates, best first; when
 *                     declined as ambiguous, the two competing candidates come first
 * @param reason       why there is no answer, or null when there is one
 * @param disclaimer   the answer's article's medical disclaimer, or {@link AnswerService#STANDARD_DISCLAIMER}
 * @param mode         how the candidates were retrieved (lexical when vectors were asked for but are not
 *                     available), which also says which confidence model scored them
 * @param analysis     what the question was read to ask (its focus and type), or null when it has no
 *                     content words
 */
public record AnswerResult(String question, AnswerCandidate answer, List<AnswerCandidate> alternatives,
                           DeclineReason reason, String disclaimer, SearchMode mode, QuestionAnalysis analysis) {
    public AnswerResult {
        alternatives = List.copyOf(alternatives);
    }

    /** A result without an analysis of the question. */
    public AnswerResult(String question, AnswerCandidate answer, List<AnswerCandidate> alternatives,
                        DeclineReason reason, String disclaimer, SearchMode mode) {
        this(question, answer, alternatives, reason, disclaimer, mode, null);
    }

    /** Whether the answer was declined because two different answers were equally likely. */
    public boolean ambiguous() {
        return reason == DeclineReason.AMBIGUOUS;
    }
}
