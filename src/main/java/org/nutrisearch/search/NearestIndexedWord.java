package org.nutrisearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The indexed word closest to what someone searched for, for grouping searches that found nothing:
 * a misspelling ("magnesum") lands next to the word it missed ("magnesium"), a subject the articles
 * never mention has no neighbour at all. Thread-safe.
 *
 * <p>Query words are analysed like the index (stemmed), compared with the body-text vocabulary by
 * edit distance ({@link DirectSpellChecker}, at most two edits), and the stem found is shown as a word
 * an article actually uses, read back from the first unit containing it.
 */
final class NearestIndexedWord {

    /** The index's own analysis: the vocabulary compared with is the one written at index time. */
    private final Analyzer analyzer = TextAnalyzers.english();
    private final DirectSpellChecker spelling = new DirectSpellChecker();

    NearestIndexedWord() {
        // A first-letter slip ("nagnesium") is a misspelling too.
        spelling.setMinPrefix(0);
        spelling.setMinQueryLength(3);
    }

    /**
     * The word closest to the query's searchable words: for a word the index lacks, its nearest
     * neighbour (best of all such words); when every word is indexed (a search that found nothing
     * because of its filters), the first word itself. Empty when no missing word has a neighbour.
     */
    Optional<String> find(IndexSearcher searcher, String query) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        String bestStem = null;
        float bestScore = -1;
        String firstIndexed = null;
        boolean anyMissing = false;
        for (String stem : analyze(UserQuery.parse(query).positiveText())) {
            Term term = new Term(UnitFields.TEXT, stem);
            if (reader.docFreq(term) > 0) {
                if (firstIndexed == null) {
                    firstIndexed = stem;
                }
                continue;
            }
            anyMissing = true;
            SuggestWord[] near = spelling.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (near.length > 0 && near[0].score > bestScore) {
                bestScore = near[0].score;
                bestStem = near[0].string;
            }
        }
        String stem = bestStem != null ? bestStem : anyMissing ? null : firstIndexed;
        return stem == null ? Optional.empty() : Optional.of(surfaceForm(searcher, stem));
    }

    /** How the first unit containing {@code stem} writes it ("muscle" for the stem "muscl"). */
    private String surfaceForm(IndexSearcher searcher, String stem) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), UnitFields.TEXT);
        TermsEnum te = terms == null ? null : terms.iterator();
        if (te == null || !te.seekExact(new BytesRef(stem))) {
            return stem;
        }
        PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
        int doc = postings.nextDoc();
        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
            return stem;
        }
        String text = searcher.storedFields().document(doc).get(UnitFields.TEXT);
        if (text == null) {
            return stem;
        }
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            String found = stem;
            while (ts.incrementToken()) {
                if (term.toString().equals(stem)) {
                    found = text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT);
                    break;
                }
            }
            ts.end();
            return found;
        }
    }

    private List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
