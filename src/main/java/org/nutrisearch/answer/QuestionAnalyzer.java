package org.nutrisearch.answer;

import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.QuestionTypeClassifier;
import org.nutrisearch.search.query.QuestionWords;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

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
     * A subject whose every word is in at least this share of the units names little ("after surgery",
     * "medical", "pain" in a large health corpus): it is a message's focus only when it names no more
     * specific one. One unit in twenty.
     */
    static final double GENERIC_SHARE = 0.05;

    /**
     * The analysis of {@code question} against a corpus.
     *
     * @param gazetteer       the corpus's subjects
     * @param unitFrequencies how many units contain each analysed term (a term some unit has is not a
     *                        misspelling, whatever the gazetteer knows)
     * @param totalUnits      how many units the corpus has (0: unknown, no subject is taken for generic)
     */
    public QuestionAnalysis analyse(String question, FocusGazetteer gazetteer,
                                    Function<Collection<String>, Map<String, Integer>> unitFrequencies, int totalUnits) {
        MessageReducer.Reduced typed = MessageReducer.reduce(question);
        List<String> raw = words.terms(question);
        Map<String, Integer> df = unitFrequencies.apply(new HashSet<>(raw));
        Set<String> known = new HashSet<>();
        df.forEach((t, n) -> {
            if (n > 0) {
                known.add(t);
            }
        });
        // Misspelled words that say what is asked read as meant ("simptoms"), before anything reads them.
        Predicate<String> inCorpus = w -> words.terms(w).stream().anyMatch(known::contains);
        MessageReducer.Reduced reduced = typed.rewritten(text -> CueWordSpelling.corrected(text, inCorpus));
        String asking = reduced.text();
        // Where a message names its subject, most telling first: its subject line, the sentences that
        // ask, the rest of the message (the asking sentences may only say "she" or "it").
        List<String> places = new ArrayList<>();
        if (reduced.subject() != null) {
            places.add(reduced.subject());
        }
        places.add(reduced.asking());
        int askingPlaces = places.size();
        if (reduced.reduced()) {
            places.add(question);
        }
        Reading reading = new Reading(gazetteer, known, df, totalUnits, new HashMap<>());
        Found found = focus(places, askingPlaces, reduced.reduced(), reading);
        FocusGazetteer.Focus focus = found == null ? null : found.focus();
        List<String> focusTerms = found == null ? List.of() : found.terms().subList(focus.start(), focus.end());
        if (found != null && found.place() == places.size() - 1 && reduced.reduced()) {
            asking = asking + " (" + focus.label() + ")";
        }
        Set<QuestionType> types = QuestionTypeClassifier.classifyAll(withoutSubject(reduced.asking(), focusTerms));
        return new QuestionAnalysis(question, asking, reduced.reduced(), focus, types,
                corrected(words.of(asking), reading), focusTerms);
    }

    /**
     * What one question is read against, decided once: the corpus's subjects, the question's terms some
     * unit has and their unit counts, the corpus's size, and each unknown term's correction (filled as
     * terms are met: a correction scans the gazetteer's vocabulary).
     */
    private record Reading(FocusGazetteer gazetteer, Set<String> known, Map<String, Integer> df, int totalUnits,
                           Map<String, String> corrections) {

        List<String> terms(String text) {
            return gazetteer.terms(text, known, corrections);
        }
    }

    /**
     * The subject the places name: the first of the subject line and the asking sentences (the first
     * {@code askingPlaces}) that names a specific subject gives it, else the first generic one they
     * name; the rest of the message only when they name none.
     */
    private static Found focus(List<String> places, int askingPlaces, boolean reduced, Reading reading) {
        Found generic = null;
        for (int i = 0; i < places.size() && (i < askingPlaces || generic == null); i++) {
            List<String> terms = reading.terms(places.get(i));
            List<FocusGazetteer.Focus> subjects = reading.gazetteer().subjects(terms);
            boolean preferFirst = i == 0 && reduced;
            List<FocusGazetteer.Focus> specific = subjects.stream().filter(f -> !isGeneric(f, terms, reading)).toList();
            Optional<FocusGazetteer.Focus> best = reading.gazetteer().focusOf(specific, preferFirst,
                    f -> specificity(terms.subList(f.start(), f.end()), reading));
            if (best.isPresent()) {
                return new Found(best.get(), terms, i);
            }
            if (generic == null) {
                Optional<FocusGazetteer.Focus> any = reading.gazetteer().focusOf(subjects, preferFirst);
                if (any.isPresent()) {
                    generic = new Found(any.get(), terms, i);
                }
            }
        }
        return generic;
    }

    /**
     * The content with each term no unit uses read as the subject word it misspells ("mediterean" as
     * "mediterranean"), as the focus is read: a misspelled word is not a word the corpus fails to cover.
     * The typed words stay as typed (search corrects its own query).
     */
    private static QuestionWords.Content corrected(QuestionWords.Content content, Reading reading) {
        Set<String> terms = new LinkedHashSet<>(reading.terms(content.text()));
        return terms.size() == content.terms().size() && terms.containsAll(content.terms()) ? content
                : new QuestionWords.Content(content.words(), List.copyOf(terms));
    }

    /** A subject named in one place of a message: the place's analysed terms and its index. */
    private record Found(FocusGazetteer.Focus focus, List<String> terms, int place) {
    }

    /** How specific a subject's words are: the sum of their inverse unit frequencies (a word no unit has, most). */
    private static double specificity(List<String> terms, Reading reading) {
        double sum = 0;
        for (String t : terms) {
            sum += Math.log((reading.totalUnits() + 1.0) / (reading.df().getOrDefault(t, 0) + 1.0));
        }
        return sum;
    }

    /** Whether each word of the subject is in at least {@link #GENERIC_SHARE} of the units (not a lexicon subject). */
    private static boolean isGeneric(FocusGazetteer.Focus focus, List<String> terms, Reading reading) {
        if (reading.totalUnits() <= 0 || reading.gazetteer().isLexiconSubject(focus.key())) {
            return false;
        }
        double floor = GENERIC_SHARE * reading.totalUnits();
        return terms.subList(focus.start(), focus.end()).stream().allMatch(t -> reading.df().getOrDefault(t, 0) >= floor);
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
