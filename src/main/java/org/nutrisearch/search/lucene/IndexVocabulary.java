package org.nutrisearch.search.lucene;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.search.query.Vocabulary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The embedded backend's {@link Vocabulary}: the unstemmed {@link UnitFields#SPELL} field of one
 * index generation (one reader), read in place. Valid while that reader is open. Thread-safe.
 */
public final class IndexVocabulary implements Vocabulary {

    private final IndexReader reader;
    private final Terms terms;

    public IndexVocabulary(IndexReader reader) {
        this.reader = reader;
        try {
            this.terms = MultiTerms.getTerms(reader, UnitFields.SPELL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reader whose words these are. */
    public IndexReader reader() {
        return reader;
    }

    @Override
    public int unitCount(String word) {
        try {
            return reader.docFreq(new Term(UnitFields.SPELL, word));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<NearWord> near(String word, int maxEdits, int limit) {
        return Vocabulary.near(terms, word, maxEdits, limit);
    }
}
