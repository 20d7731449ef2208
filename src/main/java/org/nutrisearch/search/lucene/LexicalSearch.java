package org.nutrisearch.search.lucene;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A search by words (BM25): the page of the ranking and the counts over every match. */
final class LexicalSearch {

    /** Best first, ties by unit id: every ranked list of units is in this order. */
    static final Sort BY_SCORE_THEN_ID =
            new Sort(SortField.FIELD_SCORE, new SortField(UnitFields.ID, SortField.Type.STRING));

    private LexicalSearch() {
    }

    /** The units {@code query} ranks from {@code offset} on, at most {@code limit}, and the counts of all its matches. */
    static Retrieved run(ServedGeneration generation, Query query, int offset, int limit) throws IOException {
        IndexSearcher searcher = generation.searcher();
        int wanted = offset + limit;
        // Rewritten once for both passes (each search would rewrite it again).
        query = searcher.rewrite(query);
        // Two passes cost less than one once a query matches thousands of units: facets and the
        // total visit every match without scoring it, and ranking scores only the units that can
        // still reach the page (block-max skipping needs a hit-count threshold, not an exact total).
        FacetCounter.Counts counts = searcher.search(query, new FacetCounter(generation.facetOrdinals()));
        TopDocs docs = searcher.search(query, new TopFieldCollectorManager(BY_SCORE_THEN_ID, wanted, null, wanted));
        List<Retrieved.Ranked> page = new ArrayList<>();
        for (int i = offset; i < docs.scoreDocs.length; i++) {
            page.add(new Retrieved.Ranked(docs.scoreDocs[i].doc, scoreOf(docs.scoreDocs[i]), null));
        }
        return new Retrieved(page, counts);
    }

    /** The score of a document ranked by {@link #BY_SCORE_THEN_ID}. */
    static float scoreOf(ScoreDoc sd) {
        return ((FieldDoc) sd).fields[0] instanceof Float f ? f : sd.score;
    }
}
