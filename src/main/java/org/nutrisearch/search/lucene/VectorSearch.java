package org.nutrisearch.search.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.query.UserQuery;
import org.nutrisearch.search.query.Vocabulary;
import org.nutrisearch.search.snippet.SnippetBuilder;

/**
 * One semantic or hybrid search on one searcher: the units whose embeddings lie nearest the query's
 * (Lucene's HNSW graph, within the request's filters), alone or fused with the BM25 ranking.
 */
final class VectorSearch {

    private final IndexSearcher searcher;
    private final Vocabulary vocabulary;
    private final UnitQueryBuilder ranking;
    private final QueryVectors vectors;
    private final HybridOptions hybrid;
    private final SnippetBuilder snippets;

    VectorSearch(IndexSearcher searcher, Vocabulary vocabulary, UnitQueryBuilder ranking, QueryVectors vectors,
                 HybridOptions hybrid, SnippetBuilder snippets) {
        this.searcher = searcher;
        this.vocabulary = vocabulary;
        this.ranking = ranking;
        this.vectors = vectors;
        this.hybrid = hybrid;
        this.snippets = snippets;
    }

    /**
     * The result of {@code request} in {@code mode} (semantic or hybrid); empty when the query has no
     * words to embed (only exclusions), which only a lexical search can answer.
     */
    Optional<SearchResult> run(SearchRequest request, SearchMode mode, long startNanos,
                               Function<FacetCounter.Counts, Facets> facets) throws IOException {
        String text = UserQuery.parse(request.query()).positiveText();
        if (text.isBlank()) {
            return Optional.empty();
        }
        UnitQueryBuilder.Built built = ranking.build(request, vocabulary);
        int wanted = request.offset() + request.limit();
        int depth = Math.max(hybrid.depth(), wanted);
        float[] queryVector = vectors.of(text);
        // Rewritten once: the rewrite runs the graph search, and both the ranking and the facet
        // count need its result.
        Query near = searcher.rewrite(new KnnFloatVectorQuery(UnitFields.VECTOR, queryVector, depth,
                ranking.filter(request)));
        List<HybridFusion.Ranked> semantic = ranked(searcher.search(near, depth), true);
        semantic = semantic.stream().filter(r -> r.score() >= hybrid.minSimilarity()).toList();
        List<HybridFusion.Fused> order;
        Query matches;
        if (mode == SearchMode.HYBRID) {
            TopDocs lexical = searcher.search(built.query(),
                    new TopFieldCollectorManager(LuceneSearchBackend.BY_SCORE_THEN_ID, depth, null, depth));
            order = HybridFusion.fuse(ranked(lexical, false), semantic, hybrid);
            matches = new BooleanQuery.Builder().add(built.query(), Occur.SHOULD)
                    .add(near(semantic), Occur.SHOULD).build();
        } else {
            order = semantic.stream().map(r -> new HybridFusion.Fused(r.doc(), r.unitId(), r.score(), r.score()))
                    .toList();
            matches = near(semantic);
        }
        FacetCounter.Counts counts = searcher.search(matches, new FacetCounter());
        List<SearchHit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (int i = request.offset(); i < Math.min(wanted, order.size()); i++) {
            HybridFusion.Fused f = order.get(i);
            Document doc = stored.document(f.doc());
            Unit unit = LuceneSearchBackend.unitOf(doc);
            Float similarity = f.similarity() != null ? f.similarity() : cosine(f.doc(), queryVector, UnitFields.VECTOR);
            hits.add(new SearchHit(unit, snippets.build(unit.text(), built.terms()),
                    LuceneSearchBackend.nutrientsOf(doc), f.score(), similarity,
                    cosine(f.doc(), queryVector, UnitFields.QUESTION_VECTOR)));
        }
        double tookMs = (System.nanoTime() - startNanos) / 1_000_000.0;
        return Optional.of(new SearchResult(counts.matches(), hits, facets.apply(counts), null, tookMs, mode));
    }

    /**
     * The units whose question vectors lie nearest the query's, within the request's filters: up to
     * {@code request.limit()}, most similar first, ties by unit id.
     */
    List<SearchHit> similarQuestions(SearchRequest request) throws IOException {
        String text = UserQuery.parse(request.query()).positiveText();
        if (text.isBlank()) {
            return List.of();
        }
        UnitQueryBuilder.Built built = ranking.build(request, vocabulary);
        float[] queryVector = vectors.of(text);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(UnitFields.QUESTION_VECTOR, queryVector,
                request.limit(), ranking.filter(request)), request.limit());
        List<SearchHit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        for (HybridFusion.Ranked r : ranked(top, true)) {
            Document doc = stored.document(r.doc());
            Unit unit = LuceneSearchBackend.unitOf(doc);
            hits.add(new SearchHit(unit, snippets.build(unit.text(), built.terms()),
                    LuceneSearchBackend.nutrientsOf(doc), r.score(), cosine(r.doc(), queryVector, UnitFields.VECTOR),
                    r.score()));
        }
        return hits;
    }

    /** The kept nearest units as a query (for the total and the facets). */
    private static Query near(List<HybridFusion.Ranked> semantic) {
        List<BytesRef> ids = semantic.stream().map(r -> new BytesRef(r.unitId())).toList();
        return new TermInSetQuery(UnitFields.ID, ids);
    }

    /**
     * Top documents with their unit ids, best first and ties by unit id; {@code knn} scores are
     * Lucene's dot-product scores, {@code (1 + cosine) / 2}, turned back into cosines.
     */
    private List<HybridFusion.Ranked> ranked(TopDocs top, boolean knn) throws IOException {
        List<HybridFusion.Ranked> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            float score = knn ? 2 * sd.score - 1
                    : ((FieldDoc) sd).fields[0] instanceof Float f ? f : sd.score;
            out.add(new HybridFusion.Ranked(sd.doc, unitId(sd.doc), score));
        }
        if (knn) {
            out.sort(Comparator.comparingDouble((HybridFusion.Ranked r) -> -r.score())
                    .thenComparing(HybridFusion.Ranked::unitId));
        }
        return out;
    }

    private String unitId(int doc) throws IOException {
        LeafReaderContext leaf = leafOf(doc);
        SortedDocValues ids = leaf.reader().getSortedDocValues(UnitFields.ID);
        if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
            return "";
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    /** The cosine of a unit's stored vector in {@code field} with the query's, or null when the unit has none. */
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
