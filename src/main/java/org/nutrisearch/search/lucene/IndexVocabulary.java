package org.nutrisearch.search.lucene;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
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
 * terms: 46 000 words in about 0.1 s at 200 000 units). Thread-safe.
 */
public final class IndexVocabulary implements Vocabulary {

    private final IndexReader reader;
    private final WordListVocabulary words;

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
        return words.near(word, maxEdits, limit);
    }
}
