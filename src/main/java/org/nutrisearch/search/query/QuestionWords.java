package org.nutrisearch.search.query;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.Analyzer;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a chatbot question that say what it is about.
 *
 * <p>People ask in whole sentences ("why do my legs cramp at night"); words like why, do, my, can,
 * help or stop say nothing about the topic, and counting them would let any paragraph with a "how"
 * in it look like an answer. They are dropped here, before the English analyzer drops its own stop
 * words and stems the rest. Thread-safe.
 */
public final class QuestionWords {

    /**
     * Question words, pronouns, auxiliaries and vague verbs or adjectives. Words that name a topic
     * (eat, night, doctor, safe, dangerous) are kept even though they are common.
     */
    static final Set<String> GENERIC = Set.of(
            "a", "an", "the", "and", "or", "but", "if", "so", "to", "of", "in", "on", "at", "for", "with", "about",
            "from", "by", "into", "than", "then", "there", "this", "that", "these", "those", "it", "its", "it's",
            "what", "whats", "what's", "why", "how", "when", "where", "which", "who", "whom", "whose",
            "can", "could", "cannot", "can't", "does", "do", "did", "doing", "done", "don't", "doesn't", "didn't",
            "will", "would", "should", "shall", "may", "might", "must", "is", "are", "am", "was", "were", "be",
            "been", "being", "isn't", "aren't", "wasn't", "won't", "wouldn't", "shouldn't", "have", "has", "had",
            "having", "i", "i'm", "im", "i've", "ive", "me", "my", "mine", "myself", "you", "your", "yours",
            "yourself", "we", "us", "our", "he", "she", "his", "her", "they", "them", "their", "someone",
            "somebody", "people", "person", "anyone", "any", "some", "anything", "something", "thing", "things",
            "get", "gets", "getting", "got", "give", "gives", "giving", "make", "makes", "making", "made",
            "cause", "causes", "caused", "causing", "help", "helps", "helping", "stop", "stops", "take", "taking",
            "good", "bad", "really", "actually", "just", "much", "many", "lot", "lots", "need", "needs", "know",
            "want", "go", "going", "also", "too", "very", "ever", "always", "still", "enough", "not", "no", "yes",
            "out", "up", "please", "tell", "mean", "means", "way", "ways", "happen", "happens", "kind", "sort",
            "right", "now", "okay", "ok", "worry", "most", "more", "less", "all", "each", "every", "until",
            "better", "best", "worse", "worst", "lower", "higher", "fix", "fixes", "fixed", "matter", "matters",
            "mess", "messes", "usually", "often", "maybe", "possible", "possibly", "likely", "true",
            "contain", "contains", "containing");

    /** Words that, before "in", say how much of something a food holds ("high in", "rich in"), not what. */
    private static final Set<String> AMOUNT = Set.of("high", "rich", "low", "loaded", "packed");
    /** Words that, before "like", ask what something is like ("what does it feel like"): the kind of answer, not its topic. */
    private static final Set<String> LIKENESS = Set.of("feel", "feels", "feeling", "look", "looks");

    private final Analyzer analyzer;

    /** @param analyzer the index's analyzer ({@code TextAnalyzers.english()}), so stems agree with units */
    public QuestionWords(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * What a question is about.
     *
     * @param words the typed words that are not generic, lower case, in order (the text to search with)
     * @param terms their analysed terms (stemmed, stop words removed), distinct, in order
     */
    public record Content(List<String> words, List<String> terms) {
        public Content {
            words = List.copyOf(words);
            terms = List.copyOf(terms);
        }

        /** The words as one search text. */
        public String text() {
            return String.join(" ", words);
        }

        public boolean isEmpty() {
            return terms.isEmpty();
        }
    }

    /** The content of a question; never throws. */
    public Content of(String question) {
        List<String> typed = words(question);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String w = typed.get(i);
            if (!GENERIC.contains(w) && !asksForKind(typed, i)) {
                words.add(w);
            }
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String word : words) {
            terms.addAll(terms(word));
        }
        return new Content(words, new ArrayList<>(terms));
    }

    /**
     * Whether the word at {@code i} only says what kind of answer is wanted: how much a food holds ("high
     * in") or what something is like ("feel like", "look like"). Such words are not the topic an answer
     * must name.
     */
    private static boolean asksForKind(List<String> typed, int i) {
        String w = typed.get(i);
        String next = i + 1 < typed.size() ? typed.get(i + 1) : "";
        String previous = i > 0 ? typed.get(i - 1) : "";
        return AMOUNT.contains(w) && next.equals("in")
                || LIKENESS.contains(w) && next.equals("like")
                || w.equals("like") && LIKENESS.contains(previous);
    }

    /** Whether a lower-case word says nothing about a question's topic (what, can, my, help …). */
    public static boolean isGeneric(String word) {
        return GENERIC.contains(word);
    }

    /**
     * The words of a text as {@link #of} reads them: lower case, split at anything but letters, digits,
     * apostrophes and hyphens, those trimmed from the ends; generic words kept.
     */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : (text == null ? "" : text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'’-]+")) {
            String word = strip(raw.replace('’', '\''));
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    /** Drops leading and trailing apostrophes and hyphens ("'cramps'" → "cramps"). */
    private static String strip(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && (word.charAt(start) == '\'' || word.charAt(start) == '-')) {
            start++;
        }
        while (end > start && (word.charAt(end - 1) == '\'' || word.charAt(end - 1) == '-')) {
            end--;
        }
        return word.substring(start, end);
    }

    /** Receives the terms of a text with where each starts. */
    public interface TermSink {
        void term(String term, int startOffset);
    }

    /** The analysed terms of any text in order, each with its start offset in {@code text}. */
    public void terms(String text, TermSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                sink.term(term.toString(), offset.startOffset());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysed terms of any text (units too), in order, repeats kept. */
    public List<String> terms(String text) {
        if (text == null || text.isEmpty()) {
            return new ArrayList<>();
        }
        return TextAnalyzers.terms(analyzer, text);
    }
}
