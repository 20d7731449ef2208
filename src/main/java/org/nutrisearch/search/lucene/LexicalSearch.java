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
        return new Retrieved(page(docs, offset), counts);
    }

    /**
     * The units {@code query} ranks from {@code offset} on, at most {@code limit}, without counting its
     * other matches ({@link Retrieved#counts()} null): the page of {@link #run}, with the same scores to
     * the last bit. So it scores as {@link #run} does: every match on an index ranked in one pass (a sum
     * over a query's clauses can differ in its last bit when matches that cannot reach the page are
     * skipped), only those that can reach the page on a larger one.
     */
    static Retrieved rank(ServedGeneration generation, Query query, int offset, int limit) throws IOException {
        IndexSearcher searcher = generation.searcher();
        int wanted = offset + limit;
        TopDocs docs;
        if (generation.rankAndCountInOnePass()) {
            docs = searcher.search(query, new TopFieldCollectorManager(BY_SCORE_THEN_ID, wanted, null, Integer.MAX_VALUE));
        } else {
            docs = TopHits.search(searcher, TermsLookedUp.of(searcher, searcher.rewrite(query)),
                    new TopFieldCollectorManager(BY_SCORE_THEN_ID, wanted, null, wanted));
        }
        return new Retrieved(page(docs, offset), null);
    }

    private static List<Retrieved.Ranked> page(TopDocs docs, int offset) {
        List<Retrieved.Ranked> page = new ArrayList<>();
        for (int i = offset; i < docs.scoreDocs.length; i++) {
            page.add(new Retrieved.Ranked(docs.scoreDocs[i].doc, scoreOf(docs.scoreDocs[i]), null));
        }
        return page;
    }

    /** The score of a document ranked by {@link #BY_SCORE_THEN_ID}. */
    static float scoreOf(ScoreDoc sd) {
        return ((FieldDoc) sd).fields[0] instanceof Float f ? f : sd.score;
    }
}
