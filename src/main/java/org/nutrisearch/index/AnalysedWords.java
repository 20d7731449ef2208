package org.nutrisearch.index;

import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Each distinct word's English analysis (a stop word, or its Porter stem) and its plain bytes (the spell
 * field's term), worked out the first time an indexing thread meets the word and looked up after that. A
 * 200 000-unit build analyses about 30 million words but only a few hundred thousand distinct ones, and a
 * word's stop-word test and stem depend on the word alone, so the index gets the terms Lucene's
 * {@link org.apache.lucene.analysis.StopFilter} and {@link PorterStemFilter} would give.
 *
 * <p>One per indexing thread (held by its {@link UnitWords}); not thread-safe.
 */
final class AnalysedWords {

    /** Words remembered before the table starts afresh (about 15 MB; a 200 000-unit build has fewer). */
    static final int LIMIT = 1 << 17;

    private final CharArrayMap<Word> words = new CharArrayMap<>(1 << 12, false);
    private final OneWord oneWord = new OneWord();
    private final TokenStream stemmer = new PorterStemFilter(oneWord);
    private final CharTermAttribute stemmed = stemmer.getAttribute(CharTermAttribute.class);
    private final BytesRefBuilder bytes = new BytesRefBuilder();

    /** One word as analysed: see the class comment. */
    static final class Word {
        /** The word's UTF-8 bytes as written (lower-cased, possessive removed): its spell-field term. */
        final BytesRef plain;
        /** The English term (the Porter stem), or null for a stop word. */
        final char[] term;
        /** Whether {@link #term} differs from the word (the stemmer changed it). */
        final boolean stemmed;
        /** The last unit ({@link UnitWords}'s count) that recorded this word. */
        int unit;

        Word(BytesRef plain, char[] term, boolean stemmed) {
            this.plain = plain;
            this.term = term;
            this.stemmed = stemmed;
        }

        boolean isStopWord() {
            return term == null;
        }
    }

    /** The analysis of the word in {@code buffer[0, length)}. */
    Word lookup(char[] buffer, int length) {
        Word word = words.get(buffer, 0, length);
        if (word == null) {
            word = analyse(buffer, length);
            words.put(Arrays.copyOf(buffer, length), word);
        }
        return word;
    }

    /**
     * Starts afresh once the table holds {@link #LIMIT} words, so a long-lived indexing thread keeps a bounded
     * table; called between units, never within one (a unit's words must stay the same objects).
     */
    void trim() {
        if (words.size() >= LIMIT) {
            words.clear();
        }
    }

    /** How many words the table holds. */
    int size() {
        return words.size();
    }

    private Word analyse(char[] buffer, int length) {
        bytes.copyChars(buffer, 0, length);
        BytesRef plain = bytes.toBytesRef();
        if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(buffer, 0, length)) {
            return new Word(plain, null, false);
        }
        try {
            oneWord.set(buffer, length);
            stemmer.reset();
            if (!stemmer.incrementToken()) {
                throw new IllegalStateException("the stemmer dropped a word");
            }
            char[] term = Arrays.copyOf(stemmed.buffer(), stemmed.length());
            stemmer.end();
            stemmer.close();
            return new Word(plain, term, !Arrays.equals(term, 0, term.length, buffer, 0, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token stream of one word, for the stemmer. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] buffer;
        private int length;
        private boolean done;

        void set(char[] buffer, int length) {
            this.buffer = buffer;
            this.length = length;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            done = false;
        }

        @Override
        public boolean incrementToken() {
            if (done) {
                return false;
            }
            clearAttributes();
            term.copyBuffer(buffer, 0, length);
            done = true;
            return true;
        }
    }
}
