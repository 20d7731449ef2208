package org.nutrisearch.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * The distinct plain words of one unit's heading, question and text ({@link TextAnalyzers#plain()}'s
 * words: possessives removed, lower-cased, nothing dropped or stemmed), recorded while the index analyses
 * those fields and replayed into the {@link UnitFields#SPELL} field. The spell field keeps only which
 * documents hold a word, so its distinct words index the same as every word analysed a second time; this
 * way each text is tokenized once and each word reaches the index's spell postings once per unit.
 * It also holds the thread's {@link AnalysedWords}, which every English field of the thread's documents
 * looks its words up in (the article title too, which records nothing here).
 *
 * <p>One per indexing thread, reused from unit to unit; not thread-safe.
 */
public final class UnitWords {

    private final AnalysedWords analysed = new AnalysedWords();
    /** The numbers ({@link AnalysedWords}) of the unit's distinct words, in the order first seen. */
    private int[] words = new int[256];
    private int size;
    private final Replay replay = new Replay();
    /** Counts units (from 1: {@link AnalysedWords#firstInUnit} takes 0 for none). */
    private int unit = 1;

    /** Forgets the words of the previous unit: called when a unit's document is built. */
    void clear() {
        size = 0;
        unit++;
        analysed.trim();
    }

    /** The thread's analysed words (stop words, stems). */
    AnalysedWords analysed() {
        return analysed;
    }

    /** Records one word, by its number in {@link #analysed()} (repeats are kept once). */
    void record(int word) {
        if (analysed.firstInUnit(word, unit)) {
            words = ArrayUtil.grow(words, size + 1);
            words[size++] = word;
        }
    }

    /** How many distinct words are recorded. */
    int size() {
        return size;
    }

    /**
     * The recorded words as a token stream, read when the index consumes it (after the unit's heading,
     * question and text fields, which come before the spell field in the document).
     */
    TokenStream replay() {
        return replay;
    }

    /** Emits the recorded words in the order they were first seen. */
    private final class Replay extends TokenStream {
        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private final BytesRef plain = new BytesRef();
        private int next;

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            if (next >= size) {
                return false;
            }
            clearAttributes();
            term.setBytesRef(analysed.plain(words[next++], plain));
            return true;
        }
    }
}
