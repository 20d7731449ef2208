package org.nutrisearch.search;

import org.nutrisearch.corpus.UnitKind;

import java.util.Set;

/**
 * A validated question, with the same optional filters as a search.
 *
 * @param question  the question as asked (1–500 characters after trimming)
 * @param kinds     unit kinds to answer from; empty allows all
 * @param nutrients canonical nutrient ids the answer must mention
 * @param articleId an article to answer from, or null
 */
public record AnswerRequest(String question, Set<UnitKind> kinds, Set<String> nutrients, String articleId) {
    public AnswerRequest {
        kinds = Set.copyOf(kinds);
        nutrients = Set.copyOf(nutrients);
    }

    /** A question without filters. */
    public static AnswerRequest of(String question) {
        return new AnswerRequest(question, Set.of(), Set.of(), null);
    }
}
