package org.nutrisearch.search.lucene;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.nutrisearch.cache.WeightedLru;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.search.query.Vocabulary;
import org.nutrisearch.search.query.WordListVocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded backend's {@link Vocabulary}: the unstemmed {@link UnitFields#SPELL} field of one index
 * generation (one reader), read into memory once ({@link WordListVocabulary}; one pass over the field's
 * terms: 46 000 words in about 0.1 s at 200 000 units). The near words of the words looked up lately are
 * kept: most words of a new query were in earlier ones, and a word the index does not know (the words
 * corrections are looked for) is looked up again by every query that has it. Thread-safe.
 */
public final class IndexVocabulary implements Vocabulary {

    /** Lookups of near words kept at most, and their near words together. */
    static final int LOOKUPS_KEPT = 20_000;
    static final long NEAR_WORDS_KEPT = 200_000;

    private final IndexReader reader;
    private final WordListVocabulary words;
    private final WeightedLru<Lookup, List<NearWord>> looked =
            new WeightedLru<>(LOOKUPS_KEPT, NEAR_WORDS_KEPT, near -> 1L + near.size());

    /** One lookup of {@link #near}. */
    private record Lookup(String word, int maxEdits, int limit) {
    }

    public IndexVocabulary(IndexReader reader) {
        this.reader = reader;
        this.words = WordListVocabulary.of(read(reader));
    }

    private static Map<String, Integer> read(IndexReader reader) {
        Map<String, Integer> counts = new HashMap<>();
        try {
            Terms terms = MultiTerms.getTerms(reader, UnitFields.SPELL);
            if (terms != null) {
                TermsEnum te = terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    counts.put(t.utf8ToString(), te.docFreq());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /** The reader whose words these are. */
    public IndexReader reader() {
        return reader;
    }

    /** How many words the vocabulary holds. */
    public int size() {
        return words.size();
    }

    @Override
    public int unitCount(String word) {
        return words.unitCount(word);
    }

    @Override
    public List<NearWord> near(String word, int maxEdits, int limit) {
        Lookup lookup = new Lookup(word, maxEdits, limit);
        List<NearWord> near = looked.get(lookup);
        if (near == null) {
            near = words.near(word, maxEdits, limit);
            looked.put(lookup, near);
        }
        return near;
    }
}
