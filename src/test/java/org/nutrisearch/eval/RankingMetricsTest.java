package org.nutrisearch.eval;

import org.junit.jupiter.api.Test;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.Snippet;

/** The metrics on rankings small enough to compute by hand. */
class RankingMetricsTest {

    private static final double EPS = 1e-9;

    @Test
    void ndcgOfAHandComputedRanking() {
        // Returned: grade 2, grade 0, grade 1. Judged: grades 2, 1, 1 (one relevant unit not returned).
        // DCG  = 2/log2(2) + 0/log2(3) + 1/log2(4) = 2 + 0 + 0.5 = 2.5
        // IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4) = 2 + 0.6309297536 + 0.5 = 3.1309297536
        int[] ranked = {2, 0, 1};
        int[] judged = {1, 2, 1};
        assertEquals(2.5, RankingMetrics.dcg(ranked, 10), EPS);
        assertEquals(2.5 / 3.1309297535714573, RankingMetrics.ndcg(ranked, judged, 10), EPS);
        // Cut at one result: DCG@1 = 2, IDCG@1 = 2.
        assertEquals(1.0, RankingMetrics.ndcg(ranked, judged, 1), EPS);
        // Cut at two: DCG@2 = 2, IDCG@2 = 2 + 1/log2(3).
        assertEquals(2 / (2 + 0.6309297535714574), RankingMetrics.ndcg(ranked, judged, 2), EPS);
    }

    @Test
    void aPerfectRankingScoresOneAndNothingRelevantScoresZero() {
        assertEquals(1.0, RankingMetrics.ndcg(new int[] {2, 1, 1, 0}, new int[] {1, 1, 2}, 10), EPS);
        assertEquals(0.0, RankingMetrics.ndcg(new int[] {0, 0}, new int[] {2}, 10), EPS);
        assertEquals(0.0, RankingMetrics.ndcg(new int[] {1}, new int[] {}, 10), EPS);
    }

    @Test
    void reciprocalRankSuccessAndRecall() {
        int[] ranked = {0, 0, 1, 0, 2};
        assertEquals(1.0 / 3, RankingMetrics.reciprocalRank(ranked, 10), EPS);
        assertEquals(0.0, RankingMetrics.reciprocalRank(ranked, 2), EPS);
        assertFalse(RankingMetrics.success(ranked, 1));
        assertTrue(RankingMetrics.success(ranked, 3));
        // Two of the three relevant units are returned; only one within the first three.
        assertEquals(2.0 / 3, RankingMetrics.recall(ranked, new int[] {1, 2, 1}, 100), EPS);
        assertEquals(1.0 / 3, RankingMetrics.recall(ranked, new int[] {1, 2, 1}, 3), EPS);
    }

    @Test
    void aJudgedUnitCountsOnceEvenWhenTwoResultsStandForIt() {
        EvalQuery q = new EvalQuery("q1", "iron", "", Map.of("doc-a", 2), u -> u.articleId());
        Unit a1 = unit("doc-a", "doc-a#section-1");
        Unit a2 = unit("doc-a", "doc-a#section-2");
        Unit b = unit("doc-b", "doc-b#section-1");
        List<SearchHit> hits = List.of(hit(b), hit(a1), hit(a2));
        assertEquals(List.of(0, 2, 0),
                Arrays.stream(RankingEvaluator.gradesOf(q, hits)).boxed().toList());
        QueryScore score = RankingEvaluator.score(q, new SearchResult(3, hits,
                new Facets(List.of(), List.of()), null, 0));
        assertEquals(0.5, score.mrr10(), EPS);
        assertEquals(2, score.firstRelevantRank());
        assertEquals(0.0, score.success1(), EPS);
        assertEquals(1.0, score.success3(), EPS);
        assertEquals(1 / (Math.log(3) / Math.log(2)), score.ndcg10(), EPS);
        assertEquals(1.0, score.recall100(), EPS);
    }

    private static Unit unit(String article, String id) {
        return new Unit(id, UnitKind.SECTION, article, "t", "s", null,
                null, "text");
    }

    private static SearchHit hit(Unit unit) {
        return new SearchHit(unit, new Snippet("", List.of()),
                List.of(), 1f);
    }
}
