package org.nutrisearch.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.ByteBlockPool;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;
import org.apache.lucene.util.Counter;

/**
 * The distinct plain words of one unit's heading, question and text ({@link TextAnalyzers#plain()}'s
 * words: possessives removed, lower-cased, nothing dropped or stemmed), recorded while the index analyses
 * those fields and replayed into the {@link UnitFields#SPELL} field. The spell field keeps only which
 * documents hold a word, so its distinct words index the same as every word analysed a second time; this
 * way each text is tokenized once and each word reaches the index's spell postings once per unit.
 *
 * <p>One per indexing thread, reused from unit to unit; not thread-safe.
 */
public final class UnitWords {

    private final ByteBlockPool bytes = new ByteBlockPool(new ByteBlockPool.DirectAllocator());
    private final BytesRefHash words = new BytesRefHash(bytes, 64, new KeptStarts());
    private final Replay replay = new Replay();

    /** Forgets the words of the previous unit: called when a unit's document is built. */
    void clear() {
        words.clear(false);
        // The hash never reads bytes it did not write, so the pool is reused without zero-filling.
        bytes.reset(false, true);
    }

    /** Records one word (repeats are kept once). */
    void add(BytesRef word) {
        words.add(word);
    }

    /** How many distinct words are recorded. */
    int size() {
        return words.size();
    }

    /**
     * The recorded words as a token stream, read when the index consumes it (after the unit's heading,
     * question and text fields, which come before the spell field in the document).
     */
    TokenStream replay() {
        return replay;
    }

    /** The hash's word starts, kept from unit to unit (Lucene's own array drops them on every clear). */
    private static final class KeptStarts extends BytesRefHash.BytesStartArray {
        private final Counter used = Counter.newCounter();
        private int[] starts;

        @Override
        public int[] init() {
            if (starts == null) {
                starts = new int[64];
            }
            return starts;
        }

        @Override
        public int[] grow() {
            starts = ArrayUtil.grow(starts, starts.length + 1);
            return starts;
        }

        @Override
        public int[] clear() {
            return starts;
        }

        @Override
        public Counter bytesUsed() {
            return used;
        }
    }

    /** Emits the recorded words in the order they were first seen. */
    private final class Replay extends TokenStream {
        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private final BytesRef scratch = new BytesRef();
        private int next;

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            if (next >= words.size()) {
                return false;
            }
            clearAttributes();
            term.setBytesRef(words.get(next++, scratch));
            return true;
        }
    }
}
