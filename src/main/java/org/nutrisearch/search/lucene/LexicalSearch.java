package org.nutrisearch.search.lucene;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
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
        return run(generation, query, offset, limit, generation.rankAndCountInOnePass());
    }

    /** As {@link #run(ServedGeneration, Query, int, int)}, in one pass or two whatever the index's size. */
    static Retrieved run(ServedGeneration generation, Query query, int offset, int limit, boolean onePass)
            throws IOException {
        IndexSearcher searcher = generation.searcher();
        int wanted = offset + limit;
        FacetCounter facets = new FacetCounter(generation.facetOrdinals());
        TopFieldCollectorManager ranking = new TopFieldCollectorManager(BY_SCORE_THEN_ID, wanted, null, wanted);
        FacetCounter.Counts counts;
        TopDocs docs;
        if (onePass) {
            // A small index: one pass that scores every match costs less than two that each build the
            // query's weights and scorers again (the same ranking, scores and counts).
            Object[] both = searcher.search(query, new MultiCollectorManager(facets, ranking));
            counts = (FacetCounter.Counts) both[0];
            docs = (TopDocs) both[1];
        } else {
            // Two passes cost less than one once a query matches thousands of units: facets and the
            // total visit every match without scoring it, and ranking scores only the units that can
            // still reach the page ({@link TopHits}: block-max skipping needs a hit-count threshold, not
            // an exact total). Rewritten once for both passes (each search would rewrite it again), its
            // terms looked up once for all the weights of both.
            query = TermsLookedUp.of(searcher, searcher.rewrite(query));
            counts = searcher.search(query, facets);
            docs = TopHits.search(searcher, query, ranking);
        }
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
