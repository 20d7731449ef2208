package org.nutrisearch.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Each distinct word's English analysis (a stop word, or its Porter stem) and its plain bytes (the spell
 * field's term), worked out the first time an indexing thread meets the word and looked up after that. A
 * 200 000-unit build analyses about 30 million words but only about 46 000 distinct ones, and a word's
 * stop-word test and stem depend on the word alone, so the index gets the terms Lucene's
 * {@link org.apache.lucene.analysis.StopFilter} and {@link PorterStemFilter} would give.
 *
 * <p>Words are numbered from 0 in the order they were met. The table is looked up for every word the index
 * analyses, beside Lucene's own term hashes, so it is kept in a few flat arrays (a word's numbers in one
 * cache line, its letters and stem side by side) rather than objects per word: a lookup then costs a few
 * memory reads, not a chain of them.
 *
 * <p>One per indexing thread (held by its {@link UnitWords}); not thread-safe.
 */
final class AnalysedWords {

    /** Words remembered before the table starts afresh (about 12 MB of arrays at most). */
    static final int LIMIT = 1 << 17;

    /** Per word, {@value #FIELDS} ints at {@code word * FIELDS}: */
    private static final int FIELDS = 8;
    /** where its letters start in {@link #chars}, and how many; */
    private static final int KEY_START = 0;
    private static final int KEY_LENGTH = 1;
    /** where its English term (the stem) starts in {@link #chars}, and how long it is (-1: a stop word); */
    private static final int TERM_START = 2;
    private static final int TERM_LENGTH = 3;
    /** where its UTF-8 bytes start in {@link #bytes}, and how many; */
    private static final int PLAIN_START = 4;
    private static final int PLAIN_LENGTH = 5;
    /** the last unit that recorded it ({@link #firstInUnit}). */
    private static final int UNIT = 6;

    /** Open addressing, at most half full: 0 empty, else the word's hash in the high half and its number + 1. */
    private long[] slots = new long[1 << 12];
    private int[] words = new int[(1 << 11) * FIELDS];
    private char[] chars = new char[1 << 14];
    private byte[] bytes = new byte[1 << 14];
    private byte[] utf8 = new byte[64];
    private int count;
    private int charsUsed;
    private int bytesUsed;

    private final OneWord oneWord = new OneWord();
    private final TokenStream stemmer = new PorterStemFilter(oneWord);
    private final CharTermAttribute stemmed = stemmer.getAttribute(CharTermAttribute.class);

    /** The number of the word in {@code buffer[0, length)}, analysing it when it is new. */
    int lookup(char[] buffer, int length) {
        int hash = hash(buffer, length);
        int mask = slots.length - 1;
        for (int pos = hash & mask; ; pos = (pos + 1) & mask) {
            long slot = slots[pos];
            if (slot == 0) {
                int word = add(buffer, length);
                slots[pos] = ((long) hash << 32) | (word + 1);
                if (2 * count > slots.length) {
                    rehash();
                }
                return word;
            }
            if ((int) (slot >>> 32) == hash) {
                int word = (int) slot - 1;
                int at = word * FIELDS;
                if (words[at + KEY_LENGTH] == length
                        && Arrays.equals(chars, words[at + KEY_START], words[at + KEY_START] + length, buffer, 0, length)) {
                    return word;
                }
            }
        }
    }

    /** Whether {@code word} is an English stop word (dropped from the English fields). */
    boolean isStopWord(int word) {
        return words[word * FIELDS + TERM_LENGTH] < 0;
    }

    /** Whether the stemmer changed {@code word} (its term differs from it). */
    boolean isStemmed(int word) {
        int at = word * FIELDS;
        return words[at + TERM_START] != words[at + KEY_START];
    }

    /** The letters of the English terms ({@link #termStart}, {@link #termLength}); valid until the next lookup. */
    char[] termChars() {
        return chars;
    }

    int termStart(int word) {
        return words[word * FIELDS + TERM_START];
    }

    int termLength(int word) {
        return words[word * FIELDS + TERM_LENGTH];
    }

    /** Points {@code into} at the word's UTF-8 bytes (its spell-field term); valid until the next lookup. */
    BytesRef plain(int word, BytesRef into) {
        int at = word * FIELDS;
        into.bytes = bytes;
        into.offset = words[at + PLAIN_START];
        into.length = words[at + PLAIN_LENGTH];
        return into;
    }

    /** True the first time {@code word} is met in {@code unit} (a number no earlier unit had; never 0). */
    boolean firstInUnit(int word, int unit) {
        int at = word * FIELDS + UNIT;
        if (words[at] == unit) {
            return false;
        }
        words[at] = unit;
        return true;
    }

    /** How many words the table holds. */
    int size() {
        return count;
    }

    /**
     * Starts afresh once the table holds {@link #LIMIT} words, so a long-lived indexing thread keeps a bounded
     * table; called between units, never within one (a unit's recorded word numbers must stay valid).
     */
    void trim() {
        if (count >= LIMIT) {
            Arrays.fill(slots, 0);
            count = 0;
            charsUsed = 0;
            bytesUsed = 0;
        }
    }

    /** A well-spread hash of the letters (the low bits pick the slot). */
    private static int hash(char[] buffer, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + buffer[i];
        }
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int add(char[] buffer, int length) {
        int word = count++;
        words = ArrayUtil.grow(words, count * FIELDS);
        int at = word * FIELDS;
        chars = ArrayUtil.grow(chars, charsUsed + length);
        System.arraycopy(buffer, 0, chars, charsUsed, length);
        words[at + KEY_START] = charsUsed;
        words[at + KEY_LENGTH] = length;
        charsUsed += length;
        // The encoding Lucene gives a term's characters (CharTermAttribute's bytes).
        utf8 = ArrayUtil.grow(utf8, UnicodeUtil.maxUTF8Length(length));
        int plainLength = UnicodeUtil.UTF16toUTF8(buffer, 0, length, utf8);
        bytes = ArrayUtil.grow(bytes, bytesUsed + plainLength);
        System.arraycopy(utf8, 0, bytes, bytesUsed, plainLength);
        words[at + PLAIN_START] = bytesUsed;
        words[at + PLAIN_LENGTH] = plainLength;
        bytesUsed += plainLength;
        words[at + UNIT] = 0;
        if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(buffer, 0, length)) {
            words[at + TERM_START] = words[at + KEY_START];
            words[at + TERM_LENGTH] = -1;
            return word;
        }
        // Stemmed after the word's letters were copied: the stem goes right behind them when it differs.
        int stemLength = stem(buffer, length);
        if (Arrays.equals(chars, charsUsed, charsUsed + stemLength, buffer, 0, length)) {
            words[at + TERM_START] = words[at + KEY_START];
        } else {
            words[at + TERM_START] = charsUsed;
            charsUsed += stemLength;
        }
        words[at + TERM_LENGTH] = stemLength;
        return word;
    }

    /**
     * Porter-stems the word, as {@link PorterStemFilter} does in a chain, into {@link #chars} at
     * {@link #charsUsed} (not yet counted as used); its length.
     */
    private int stem(char[] buffer, int length) {
        try {
            oneWord.set(buffer, length);
            stemmer.reset();
            if (!stemmer.incrementToken()) {
                throw new IllegalStateException("the stemmer dropped a word");
            }
            int stemLength = stemmed.length();
            chars = ArrayUtil.grow(chars, charsUsed + stemLength);
            System.arraycopy(stemmed.buffer(), 0, chars, charsUsed, stemLength);
            stemmer.end();
            stemmer.close();
            return stemLength;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long slot : old) {
            if (slot != 0) {
                int pos = (int) (slot >>> 32) & mask;
                while (slots[pos] != 0) {
                    pos = (pos + 1) & mask;
                }
                slots[pos] = slot;
            }
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
