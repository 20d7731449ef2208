package org.nutrisearch.search.lucene;

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
     * {@code lexical} is the plan's ranking query, {@code filter} what restricts the nearest units;
     * the counts of all matches only when {@code counted} (else {@link Retrieved#counts()} is null).
     */
    Retrieved run(QueryPlan plan, Query lexical, Query filter, SearchMode mode, boolean counted) throws IOException {
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
        if (mode == SearchMode.HYBRID) {
            TopDocs words = searcher.search(lexical,
                    new TopFieldCollectorManager(LexicalSearch.BY_SCORE_THEN_ID, depth, null, depth));
            order = HybridFusion.fuse(ranked(words, false), semantic, hybrid);
        } else {
            order = HybridFusion.alone(semantic);
        }
        FacetCounter.Counts counts = null;
        if (counted) {
            Query matches = mode == SearchMode.HYBRID
                    ? new BooleanQuery.Builder().add(lexical, Occur.SHOULD).add(near(semantic), Occur.SHOULD).build()
                    : near(semantic);
            counts = searcher.search(matches, new FacetCounter(generation.facetOrdinals()));
        }
        List<HybridFusion.Fused<Integer>> shown = order.subList(Math.min(offset, order.size()), Math.min(wanted, order.size()));
        int[] docs = shown.stream().mapToInt(HybridFusion.Fused::item).toArray();
        // The cosine from the stored vector, not the graph search's score: the same float however the
        // unit was found, and on any backend that keeps the same vectors (the answer service reads it).
        Float[] similarity = StoredCosines.of(searcher, docs, queryVector, UnitFields.VECTOR);
        Float[] questionSimilarity = StoredCosines.of(searcher, docs, queryVector, UnitFields.QUESTION_VECTOR);
        List<Retrieved.Ranked> page = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            page.add(new Retrieved.Ranked(docs[i], shown.get(i).score(), similarity[i], questionSimilarity[i]));
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
        int[] found = Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
        Float[] cosines = StoredCosines.of(searcher, found, queryVector, UnitFields.QUESTION_VECTOR);
        List<HybridFusion.Ranked<Integer>> near = new ArrayList<>(found.length);
        for (int i = 0; i < found.length; i++) {
            if (cosines[i] != null) {
                near.add(new HybridFusion.Ranked<>(ids[i], cosines[i], found[i]));
            }
        }
        List<HybridFusion.Ranked<Integer>> kept = HybridFusion.bestFirst(near).subList(0, Math.min(k, near.size()));
        Float[] similarity = StoredCosines.of(searcher, kept.stream().mapToInt(HybridFusion.Ranked::item).toArray(),
                queryVector, UnitFields.VECTOR);
        List<Retrieved.Ranked> out = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            out.add(new Retrieved.Ranked(kept.get(i).item(), kept.get(i).score(), similarity[i], kept.get(i).score()));
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
}
