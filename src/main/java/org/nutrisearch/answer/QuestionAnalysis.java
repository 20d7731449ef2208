package org.nutrisearch.answer;

import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.search.query.QuestionWords;

import java.util.List;
import java.util.Set;

/**
 * What a question asks, read once and handed to every stage of answering it.
 *
 * @param question the question as asked
 * @param asking   the text that asks (a long message reduced to its subject line and asking sentences;
 *                 a short question whole), with the focus added when the asking sentences only say "it"
 * @param reduced  true when a long message was reduced
 * @param focus    the subject asked about, or null when the question names none the corpus knows
 * @param types    what is asked about it (symptoms, treatment …), first the one the words say first; empty
 *                 when they do not say
 * @param content  the content words of {@code asking} and their analysed terms (retrieval and coverage)
 * @param focusTerms the analysed terms the question names its focus with (misspellings corrected),
 *                 empty without a focus
 */
public record QuestionAnalysis(String question, String asking, boolean reduced, FocusGazetteer.Focus focus,
                               Set<QuestionType> types, QuestionWords.Content content, List<String> focusTerms) {

    public QuestionAnalysis {
        types = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(types));
        focusTerms = List.copyOf(focusTerms);
    }

    /** The main thing asked (the first of {@link #types}), or null. */
    public QuestionType type() {
        return types.isEmpty() ? null : types.iterator().next();
    }
}
