package org.nutrisearch.answer;

import org.nutrisearch.corpus.UnitKind;

import java.util.Set;
import org.nutrisearch.search.SearchMode;

/**
 * A validated question, with the same optional filters as a search.
 *
 * @param question  the question as asked (1–500 characters after trimming)
 * @param kinds     unit kinds to answer from; empty allows all
 * @param nutrients canonical nutrient ids the answer must mention
 * @param articleId an article to answer from, or null
 * @param mode      how candidates are retrieved, or null for the service's default
 */
public record AnswerRequest(String question, Set<UnitKind> kinds, Set<String> nutrients, String articleId,
                            SearchMode mode) {
    public AnswerRequest {
        kinds = Set.copyOf(kinds);
        nutrients = Set.copyOf(nutrients);
    }

    /** A question whose candidates are retrieved in the service's default mode. */
    public AnswerRequest(String question, Set<UnitKind> kinds, Set<String> nutrients, String articleId) {
        this(question, kinds, nutrients, articleId, null);
    }

    /** A question without filters. */
    public static AnswerRequest of(String question) {
        return new AnswerRequest(question, Set.of(), Set.of(), null);
    }
}
