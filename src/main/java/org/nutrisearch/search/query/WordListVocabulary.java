package org.nutrisearch.search.query;

import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@link Vocabulary} held in memory as a sorted word list with unit counts: what a backend serves
 * when it has no Lucene index of its own to read the words from (the OpenSearch backend loads the
 * list kept with each build). Near words are found by the same automaton enumeration as over the
 * embedded index's term dictionary, so a list with the same words and counts gives the same
 * corrections. Immutable, thread-safe.
 */
public final class WordListVocabulary implements Vocabulary {

    private final BytesRef[] words;
    private final int[] counts;
    private final Terms terms;

    private WordListVocabulary(BytesRef[] words, int[] counts) {
        this.words = words;
        this.counts = counts;
        this.terms = new SortedTerms();
    }

    /** The vocabulary of {@code unitCounts} (word → units holding it; words with a count below 1 are left out). */
    public static WordListVocabulary of(Map<String, Integer> unitCounts) {
        BytesRef[] sorted = unitCounts.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .map(e -> new BytesRef(e.getKey()))
                .sorted()
                .toArray(BytesRef[]::new);
        int[] counts = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            counts[i] = unitCounts.get(sorted[i].utf8ToString());
        }
        return new WordListVocabulary(sorted, counts);
    }

    /** How many words the vocabulary holds. */
    public int size() {
        return words.length;
    }

    @Override
    public int unitCount(String word) {
        int i = Arrays.binarySearch(words, new BytesRef(word));
        return i >= 0 ? counts[i] : 0;
    }

    @Override
    public List<NearWord> near(String word, int maxEdits, int limit) {
        return Vocabulary.near(words.length == 0 ? null : terms, word, maxEdits, limit);
    }

    /** The word list as a term dictionary (terms and document frequencies only, no postings). */
    private final class SortedTerms extends Terms {
        @Override
        public TermsEnum iterator() {
            return new SortedTermsEnum();
        }

        @Override
        public long size() {
            return words.length;
        }

        @Override
        public long getSumTotalTermFreq() {
            return getSumDocFreq();
        }

        @Override
        public long getSumDocFreq() {
            long sum = 0;
            for (int c : counts) {
                sum += c;
            }
            return sum;
        }

        @Override
        public int getDocCount() {
            return -1;
        }

        @Override
        public boolean hasFreqs() {
            return false;
        }

        @Override
        public boolean hasOffsets() {
            return false;
        }

        @Override
        public boolean hasPositions() {
            return false;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }
    }

    /** Walks the sorted words; positioned before the first until {@link #next} or a seek. */
    private final class SortedTermsEnum extends BaseTermsEnum {
        private int at = -1;

        @Override
        public SeekStatus seekCeil(BytesRef text) {
            int i = Arrays.binarySearch(words, text);
            if (i >= 0) {
                at = i;
                return SeekStatus.FOUND;
            }
            at = -i - 1;
            return at < words.length ? SeekStatus.NOT_FOUND : SeekStatus.END;
        }

        @Override
        public void seekExact(long ord) {
            at = (int) ord;
        }

        @Override
        public BytesRef next() {
            if (at + 1 >= words.length) {
                at = words.length;
                return null;
            }
            return words[++at];
        }

        @Override
        public BytesRef term() {
            return words[at];
        }

        @Override
        public long ord() {
            return at;
        }

        @Override
        public int docFreq() {
            return counts[at];
        }

        @Override
        public long totalTermFreq() {
            return counts[at];
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
            throw new UnsupportedOperationException("a word list has no postings");
        }

        @Override
        public ImpactsEnum impacts(int flags) {
            throw new UnsupportedOperationException("a word list has no postings");
        }
    }
}
