package org.nutrisearch.search.lucene;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.search.HybridFusion;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.query.QueryPlan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One semantic or hybrid search on one searcher: the units whose embeddings lie nearest the query's
 * (Lucene's HNSW graph, within the request's filters), alone or fused with the BM25 ranking.
 */
final class VectorSearch {

    private final ServedGeneration generation;
    private final IndexSearcher searcher;
    private final HybridOptions hybrid;

    VectorSearch(ServedGeneration generation, HybridOptions hybrid) {
        this.generation = generation;
        this.searcher = generation.searcher();
        this.hybrid = hybrid;
    }

    /**
     * The page of {@code plan} (which holds the query vector) in {@code mode}, semantic or hybrid;
     * {@code lexical} is the plan's ranking query, {@code filter} what restricts the nearest units.
     */
    Retrieved run(QueryPlan plan, Query lexical, Query filter, SearchMode mode) throws IOException {
        int offset = plan.request().offset();
        int wanted = offset + plan.request().limit();
        int depth = Math.max(hybrid.depth(), wanted);
        float[] queryVector = plan.vector();
        // Rewritten once: the rewrite runs the graph search, and both the ranking and the facet
        // count need its result.
        Query near = searcher.rewrite(new KnnFloatVectorQuery(UnitFields.VECTOR, queryVector, depth, filter));
        List<HybridFusion.Ranked<Integer>> semantic = ranked(searcher.search(near, depth), true);
        semantic = semantic.stream().filter(r -> r.score() >= hybrid.minSimilarity()).toList();
        List<HybridFusion.Fused<Integer>> order;
        Query matches;
        if (mode == SearchMode.HYBRID) {
            TopDocs words = searcher.search(lexical,
                    new TopFieldCollectorManager(LexicalSearch.BY_SCORE_THEN_ID, depth, null, depth));
            order = HybridFusion.fuse(ranked(words, false), semantic, hybrid);
            matches = new BooleanQuery.Builder().add(lexical, Occur.SHOULD).add(near(semantic), Occur.SHOULD).build();
        } else {
            order = HybridFusion.alone(semantic);
            matches = near(semantic);
        }
        FacetCounter.Counts counts = searcher.search(matches, new FacetCounter(generation.facetOrdinals()));
        List<Retrieved.Ranked> page = new ArrayList<>();
        for (int i = offset; i < Math.min(wanted, order.size()); i++) {
            HybridFusion.Fused<Integer> f = order.get(i);
            // The cosine from the stored vector, not the graph search's score: the same float however the
            // unit was found, and on any backend that keeps the same vectors (the answer service reads it).
            page.add(new Retrieved.Ranked(f.item(), f.score(), cosine(f.item(), queryVector, UnitFields.VECTOR),
                    cosine(f.item(), queryVector, UnitFields.QUESTION_VECTOR)));
        }
        return new Retrieved(page, counts);
    }

    /**
     * The {@code k} units whose question vectors lie nearest the plan's query vector, within
     * {@code filter}, most similar first (ties by unit id); each ranked by that cosine (from the stored
     * vector). The graph is searched {@code hybrid.depth()} deep and the nearest {@code k} kept: a graph
     * search for {@code k} alone misses some of the nearest, and FAQ corpora repeat questions word for
     * word, so which of equally near units it returned depended on the graph; the deeper list holds the
     * truly nearest, cut in an order every backend reproduces.
     */
    List<Retrieved.Ranked> similarQuestions(QueryPlan plan, Query filter, int k) throws IOException {
        float[] queryVector = plan.vector();
        int depth = Math.max(k, hybrid.depth());
        TopDocs top = searcher.search(new KnnFloatVectorQuery(UnitFields.QUESTION_VECTOR, queryVector, depth, filter),
                depth);
        String[] ids = unitIds(top.scoreDocs);
        List<HybridFusion.Ranked<Integer>> near = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            int doc = top.scoreDocs[i].doc;
            Float cosine = cosine(doc, queryVector, UnitFields.QUESTION_VECTOR);
            if (cosine != null) {
                near.add(new HybridFusion.Ranked<>(ids[i], cosine, doc));
            }
        }
        List<Retrieved.Ranked> out = new ArrayList<>();
        for (HybridFusion.Ranked<Integer> r : HybridFusion.bestFirst(near).subList(0, Math.min(k, near.size()))) {
            out.add(new Retrieved.Ranked(r.item(), r.score(), cosine(r.item(), queryVector, UnitFields.VECTOR), r.score()));
        }
        return out;
    }

    /** The kept nearest units as a query (for the total and the facets). */
    private static Query near(List<HybridFusion.Ranked<Integer>> semantic) {
        List<BytesRef> ids = semantic.stream().map(r -> new BytesRef(r.unitId())).toList();
        return new TermInSetQuery(UnitFields.ID, ids);
    }

    /**
     * Top documents with their unit ids, best first and ties by unit id; {@code knn} scores are
     * Lucene's dot-product scores, {@code (1 + cosine) / 2}, turned back into cosines.
     */
    private List<HybridFusion.Ranked<Integer>> ranked(TopDocs top, boolean knn) throws IOException {
        String[] ids = knn ? unitIds(top.scoreDocs) : sortedIds(top.scoreDocs);
        List<HybridFusion.Ranked<Integer>> out = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            float score = knn ? 2 * sd.score - 1 : LexicalSearch.scoreOf(sd);
            out.add(new HybridFusion.Ranked<>(ids[i], score, sd.doc));
        }
        return knn ? HybridFusion.bestFirst(out) : out;
    }

    /**
     * The unit ids of lexical hits collected {@link LexicalSearch#BY_SCORE_THEN_ID}: each hit carries its
     * id as its second sort value, so nothing is read again.
     */
    private static String[] sortedIds(ScoreDoc[] docs) {
        String[] ids = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            Object id = ((FieldDoc) docs[i]).fields[1];
            ids[i] = id == null ? "" : ((BytesRef) id).utf8ToString();
        }
        return ids;
    }

    /** The unit ids of {@code docs}, read in document order with one doc-values iterator per segment. */
    private String[] unitIds(ScoreDoc[] docs) throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        String[] ids = new String[docs.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafOrd = -1;
        SortedDocValues values = null;
        LeafReaderContext leaf = null;
        for (int i : order) {
            int doc = docs[i].doc;
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leafOrd) {
                leafOrd = at;
                leaf = leaves.get(at);
                values = leaf.reader().getSortedDocValues(UnitFields.ID);
            }
            ids[i] = values != null && values.advanceExact(doc - leaf.docBase)
                    ? values.lookupOrd(values.ordValue()).utf8ToString() : "";
        }
        return ids;
    }

    /** The cosine of a unit's vector in {@code field} with the query's, or null when the unit has none. */
    private Float cosine(int doc, float[] queryVector, String field) throws IOException {
        LeafReaderContext leaf = leafOf(doc);
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int target = doc - leaf.docBase;
        if (it.advance(target) != target) {
            return null;
        }
        return VectorUtil.dotProduct(queryVector, values.vectorValue(it.index()));
    }

    private LeafReaderContext leafOf(int doc) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        return leaves.get(ReaderUtil.subIndex(doc, leaves));
    }
}
