package org.nutrisearch.answer;

import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.QuestionTypeClassifier;
import org.nutrisearch.search.query.QuestionWords;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a question once: the sentences that ask ({@link MessageReducer}), the subject they ask about
 * ({@link FocusGazetteer}) and what they ask about it ({@link QuestionTypeClassifier}, read from the
 * words around the subject, so "what is food allergy" asks for information, not food sources).
 * Thread-safe.
 */
public final class QuestionAnalyzer {

    private final QuestionWords words;

    public QuestionAnalyzer(QuestionWords words) {
        this.words = words;
    }

    /**
     * The analysis of {@code question} against a corpus.
     *
     * @param gazetteer       the corpus's subjects
     * @param unitFrequencies how many units contain each analysed term (a term some unit has is not a
     *                        misspelling, whatever the gazetteer knows)
     */
    public QuestionAnalysis analyse(String question, FocusGazetteer gazetteer,
                                    Function<Collection<String>, Map<String, Integer>> unitFrequencies) {
        MessageReducer.Reduced reduced = MessageReducer.reduce(question);
        String asking = reduced.text();
        List<String> raw = words.terms(question);
        Map<String, Integer> df = unitFrequencies.apply(new HashSet<>(raw));
        Set<String> known = new HashSet<>();
        df.forEach((t, n) -> {
            if (n > 0) {
                known.add(t);
            }
        });
        // Where a message names its subject, most telling first: its subject line, the sentences that
        // ask, the rest of the message (the asking sentences may only say "she" or "it").
        List<String> places = new ArrayList<>();
        if (reduced.subject() != null) {
            places.add(reduced.subject());
        }
        places.add(reduced.asking());
        if (reduced.reduced()) {
            places.add(question);
        }
        FocusGazetteer.Focus focus = null;
        List<String> focusTerms = List.of();
        for (int i = 0; i < places.size() && focus == null; i++) {
            List<String> terms = gazetteer.terms(places.get(i), known);
            Optional<FocusGazetteer.Focus> found = gazetteer.focusOf(gazetteer.subjects(terms), i == 0 && reduced.reduced());
            if (found.isPresent()) {
                focus = found.get();
                focusTerms = terms.subList(focus.start(), focus.end());
                if (i == places.size() - 1 && reduced.reduced()) {
                    asking = asking + " (" + focus.label() + ")";
                }
            }
        }
        Set<QuestionType> types = QuestionTypeClassifier.classifyAll(withoutSubject(reduced.asking(), focusTerms));
        return new QuestionAnalysis(question, asking, reduced.reduced(), focus, types, words.of(asking), focusTerms);
    }

    /**
     * The asking text without the words of its subject: "what is food allergy" is read as "what is", so
     * a subject's own words ("food", "drug", "genetic") never decide what is asked.
     */
    private String withoutSubject(String asking, List<String> focusTerms) {
        if (focusTerms.isEmpty()) {
            return asking;
        }
        Set<String> subject = new HashSet<>(focusTerms);
        List<String> kept = new ArrayList<>();
        for (String word : QuestionWords.words(asking)) {
            List<String> t = words.terms(word);
            if (t.isEmpty() || !subject.containsAll(t)) {
                kept.add(word);
            }
        }
        return String.join(" ", kept);
    }
}
