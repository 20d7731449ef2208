package org.nutrisearch.answer;

import org.nutrisearch.corpus.Unit;
import org.nutrisearch.search.query.QuestionWords;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A unit's analysed words as {@link AnswerFeatureExtractor} reads them, whatever the question: the terms of
 * its context (a section's or table's heading, an FAQ's own question) and of each sentence of its text.
 * Kept with the unit's {@link UnitTraits}, so a unit met again is not analysed again, and so kept
 * compact: each distinct term once (sorted; the strings shared by the units of one generation, see
 * {@link UnitTraits.Cache}), the context and each sentence as indexes into them, each sentence's once.
 * {@link #bytes()} says what one unit holds.
 */
final class UnitTerms {

    /** The terms of the context and of every sentence, each once, sorted. */
    private final String[] terms;
    /** Indexes into {@link #terms} of the context's terms. */
    private final int[] context;
    /** Indexes into {@link #terms} of the sentences' terms, sentence after sentence. */
    private final int[] sentenceTerms;
    /** Where each sentence's indexes start in {@link #sentenceTerms}, and its length at the end. */
    private final int[] sentenceStarts;

    private UnitTerms(String[] terms, int[] context, int[] sentenceTerms, int[] sentenceStarts) {
        this.terms = terms;
        this.context = context;
        this.sentenceTerms = sentenceTerms;
        this.sentenceStarts = sentenceStarts;
    }

    /**
     * The terms of {@code unit}: its context ({@link AnswerFeatureExtractor#contextOf}) and each sentence of
     * its text that has any (a sentence ends after '.', '!' or '?' and white space, and at a line break:
     * bullets are their own lines). The text is analysed once and each term filed under the sentence its
     * offset falls in. {@code canonical} gives the one string kept for a term.
     */
    static UnitTerms of(Unit unit, QuestionWords words, UnaryOperator<String> canonical) {
        return of(unit, words, canonical, term -> { });
    }

    /**
     * As {@link #of(Unit, QuestionWords, UnaryOperator)}, handing {@code textTerm} each analysed term of the
     * unit's text in order as it is read (for what needs the text's phrases, which the sentence sets lose).
     */
    static UnitTerms of(Unit unit, QuestionWords words, UnaryOperator<String> canonical, Consumer<String> textTerm) {
        List<String> contextTerms = words.terms(AnswerFeatureExtractor.contextOf(unit));
        List<Set<String>> sentences = sentences(unit.text(), words, textTerm);
        Set<String> distinct = new HashSet<>(contextTerms);
        sentences.forEach(distinct::addAll);
        String[] terms = distinct.toArray(String[]::new);
        Arrays.sort(terms);
        Map<String, Integer> index = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            terms[i] = canonical.apply(terms[i]);
            index.put(terms[i], i);
        }
        int[] context = new HashSet<>(contextTerms).stream().mapToInt(index::get).sorted().toArray();
        int[] starts = new int[sentences.size() + 1];
        int pairs = 0;
        for (Set<String> s : sentences) {
            pairs += s.size();
        }
        int[] sentenceTerms = new int[pairs];
        int at = 0;
        for (int s = 0; s < sentences.size(); s++) {
            starts[s] = at;
            for (String term : sentences.get(s)) {
                sentenceTerms[at++] = index.get(term);
            }
        }
        starts[sentences.size()] = at;
        return new UnitTerms(terms, context, sentenceTerms, starts);
    }

    /** The analysed terms of each sentence of {@code text} that has any, in order. */
    private static List<Set<String>> sentences(String text, QuestionWords words, Consumer<String> textTerm) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Integer> ends = AnswerFeatureExtractor.sentenceEnds(text);
        List<Set<String>> bySentence = new ArrayList<>(ends.size());
        for (int i = 0; i < ends.size(); i++) {
            bySentence.add(null);
        }
        int[] sentence = {0};
        words.terms(text, (term, start) -> {
            textTerm.accept(term);
            while (start >= ends.get(sentence[0])) {
                sentence[0]++;
            }
            Set<String> terms = bySentence.get(sentence[0]);
            if (terms == null) {
                terms = new HashSet<>();
                bySentence.set(sentence[0], terms);
            }
            terms.add(term);
        });
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> terms : bySentence) {
            if (terms != null) {
                out.add(terms);
            }
        }
        return out;
    }

    /** Distinct terms of the context and the text. */
    int size() {
        return terms.length;
    }

    /** Distinct term {@code i} ({@code 0 <= i < size()}). */
    String term(int i) {
        return terms[i];
    }

    /** Every term of the context and the text, each once (a view). */
    Set<String> all() {
        return new AbstractSet<>() {
            @Override
            public boolean contains(Object o) {
                return o instanceof String s && Arrays.binarySearch(terms, s) >= 0;
            }

            @Override
            public Iterator<String> iterator() {
                return Arrays.asList(terms).iterator();
            }

            @Override
            public int size() {
                return terms.length;
            }
        };
    }

    /** Indexes ({@link #term}) of the context's terms. */
    int[] context() {
        return context;
    }

    /** Sentences with terms. */
    int sentences() {
        return sentenceStarts.length - 1;
    }

    /** The first index into {@link #sentenceTerm} of sentence {@code s}'s terms. */
    int sentenceStart(int s) {
        return sentenceStarts[s];
    }

    /** The end (exclusive) of sentence {@code s}'s terms in {@link #sentenceTerm}. */
    int sentenceEnd(int s) {
        return sentenceStarts[s + 1];
    }

    /** Index ({@link #term}) of the {@code k}-th term of the sentences, sentence after sentence. */
    int sentenceTerm(int k) {
        return sentenceTerms[k];
    }

    /**
     * The bytes this value holds besides the term strings (shared, see {@link UnitTraits.Cache}): four
     * arrays' headers and a reference or index per distinct term, per context term, per term of a sentence
     * and per sentence. About 1 kB for an answer of 200 words.
     */
    long bytes() {
        return 4 * 16 + 16 + 4L * (terms.length + context.length + sentenceTerms.length + sentenceStarts.length);
    }
}
