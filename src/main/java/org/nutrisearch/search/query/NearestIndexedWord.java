package org.nutrisearch.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The indexed word closest to what someone searched for, for grouping searches that found nothing:
 * a misspelling ("magnesum") lands next to the word it missed ("magnesium"), a subject the articles
 * never mention has no neighbour at all. Thread-safe.
 *
 * <p>Query words are analysed like the index (stemmed), compared with the body-text vocabulary by
 * edit distance ({@link DirectSpellChecker}, at most two edits), and the stem found is shown as a word
 * an article actually uses, read back from the first unit containing it.
 */
public final class NearestIndexedWord {

    /** Units read to find how a stem is written. */
    static final int SAMPLE = 16;

    /** The index's own analysis: the vocabulary compared with is the one written at index time. */
    private final Analyzer analyzer = TextAnalyzers.english();
    private final DirectSpellChecker spelling = new DirectSpellChecker();

    public NearestIndexedWord() {
        // A first-letter slip ("nagnesium") is a misspelling too.
        spelling.setMinPrefix(0);
        spelling.setMinQueryLength(3);
        // As for typo corrections: the work grows with the word, and no real word is longer.
        spelling.setMaxQueryLength(SpellingCandidates.MAX_WORD_LENGTH);
    }

    /**
     * The word closest to the query's searchable words: for a word the index lacks, its nearest
     * neighbour (best of all such words); when every word is indexed (a search that found nothing
     * because of its filters), the first word itself. Empty when no missing word has a neighbour.
     */
    public Optional<String> find(IndexSearcher searcher, String query) throws IOException {
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

    /**
     * How the articles write {@code stem} ("cramps" for the stem "cramp", "muscle" for "muscl"): the
     * form used most often in the {@value #SAMPLE} units with the smallest ids among those containing it.
     * Chosen by id, not by document order, because a parallel build orders documents differently each time.
     */
    private String surfaceForm(IndexSearcher searcher, String stem) throws IOException {
        BytesRef target = new BytesRef(stem);
        // Candidates (unit id, global doc), at most SAMPLE per segment, merged below.
        List<Map.Entry<BytesRef, Integer>> candidates = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(UnitFields.TEXT);
            SortedDocValues ids = leaf.reader().getSortedDocValues(UnitFields.ID);
            if (terms == null || ids == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(target)) {
                continue;
            }
            PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
            // The smallest ords of this segment: a max-heap holding SAMPLE (ord, doc) pairs.
            PriorityQueue<int[]> smallest = new PriorityQueue<>((a, b) -> Integer.compare(b[0], a[0]));
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (ids.advanceExact(doc)) {
                    smallest.add(new int[]{ids.ordValue(), doc});
                    if (smallest.size() > SAMPLE) {
                        smallest.poll();
                    }
                }
            }
            for (int[] ordDoc : smallest) {
                candidates.add(Map.entry(BytesRef.deepCopyOf(ids.lookupOrd(ordDoc[0])), leaf.docBase + ordDoc[1]));
            }
        }
        candidates.sort(Map.Entry.comparingByKey());
        Map<String, Integer> forms = new LinkedHashMap<>();
        for (Map.Entry<BytesRef, Integer> c : candidates.subList(0, Math.min(SAMPLE, candidates.size()))) {
            String text = searcher.storedFields().document(c.getValue()).get(UnitFields.TEXT);
            if (text != null) {
                countForms(text, stem, forms);
            }
        }
        return forms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(stem);
    }

    /** Counts the ways {@code text} writes a word analysed to {@code stem}, lower-cased, in order of first use. */
    private void countForms(String text, String stem, Map<String, Integer> forms) throws IOException {
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.toString().equals(stem)) {
                    forms.merge(text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
            ts.end();
        }
    }

    private List<String> analyze(String text) {
        return TextAnalyzers.terms(analyzer, text);
    }
}
