package org.nutrisearch.search.lucene;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.List;

/**
 * The top of a query's ranking without scoring every match. A query of many common words matches tens
 * of thousands of units, and Lucene scores all of them when its words sit inside a required sum (as
 * the unit's own fields do below the optional title and question-word clauses): block-max skipping only
 * works on a disjunction at the top. So the candidates come from the query's {@link ScoreBound}, a flat
 * disjunction that Lucene ranks by MaxScore, and each candidate is then matched and scored by the query
 * itself: the page, its order (ties by unit id) and its scores are those of scoring every match. The
 * ranking's threshold is handed to the bound slightly lowered, so that no document the bound scores a
 * few float roundings below the query is skipped.
 */
final class TopHits {

    /** Relative slack between the query's score and its bound's (float rounding is about 1e-7 a step). */
    static final float SLACK = 1e-4f;

    private TopHits() {
    }

    /** The top documents of the rewritten {@code query} as {@code ranking} sorts them (its total is not exact). */
    static TopDocs search(IndexSearcher searcher, Query query, TopFieldCollectorManager ranking) throws IOException {
        Query bound = ScoreBound.of(query);
        if (bound == null) {
            return searcher.search(query, ranking);
        }
        Weight exact = searcher.createWeight(query, ScoreMode.COMPLETE, 1f);
        Weight candidates = searcher.createWeight(searcher.rewrite(bound), ScoreMode.TOP_SCORES, 1f);
        TopFieldCollector top = ranking.newCollector();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = exact.scorer(leaf);
            BulkScorer bulk = scorer == null ? null : candidates.bulkScorer(leaf);
            if (bulk == null) {
                continue;
            }
            LeafCollector sink;
            try {
                sink = top.getLeafCollector(leaf);
            } catch (CollectionTerminatedException e) {
                continue;
            }
            try {
                bulk.score(new Verified(scorer, sink), leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
            } catch (CollectionTerminatedException e) {
                // The collector has what it needs from this segment.
            }
            sink.finish();
        }
        return ranking.reduce(List.of(top));
    }

    /**
     * Passes on the candidates the query matches, scored by the query; the ranking's minimum competitive
     * score goes to the bound's scorer, lowered by {@link #SLACK}.
     */
    private static final class Verified extends Scorable implements LeafCollector {
        private final Scorer exact;
        private final DocIdSetIterator approximation;
        private final TwoPhaseIterator twoPhase;
        private final LeafCollector sink;
        private Scorable bound;

        Verified(Scorer exact, LeafCollector sink) {
            this.exact = exact;
            this.twoPhase = exact.twoPhaseIterator();
            this.approximation = twoPhase == null ? exact.iterator() : twoPhase.approximation();
            this.sink = sink;
        }

        @Override
        public void setScorer(Scorable scorer) throws IOException {
            bound = scorer;
            sink.setScorer(this);
        }

        @Override
        public void collect(int doc) throws IOException {
            int at = approximation.docID();
            if (at < doc) {
                at = approximation.advance(doc);
            }
            if (at == doc && (twoPhase == null || twoPhase.matches())) {
                sink.collect(doc);
            }
        }

        @Override
        public float score() throws IOException {
            return exact.score();
        }

        @Override
        public void setMinCompetitiveScore(float minScore) throws IOException {
            bound.setMinCompetitiveScore(minScore * (1 - SLACK));
        }
    }
}
