package org.nutrisearch.search;

/**
 * How lexical and semantic results are combined.
 *
 * @param fusion         reciprocal rank fusion or a linear mix of normalised scores
 * @param rrfK           RRF's constant: a unit at rank r of a list adds 1 / (k + r)
 * @param semanticWeight the linear mix's weight of the cosine similarity (1 − it weighs BM25, divided by
 *                       the best BM25 score of the query)
 * @param depth          units taken from each list before fusing (at least the page's end)
 * @param minSimilarity  nearest units less similar than this (cosine) are dropped: every query has
 *                       nearest units, even one about nothing the articles cover
 */
public record HybridOptions(Fusion fusion, int rrfK, double semanticWeight, int depth, double minSimilarity) {

    /** The two ways of fusing ranked lists that were measured (docs/relevance.md). */
    public enum Fusion { RRF, LINEAR }

    /**
     * The combination chosen by measurement (docs/relevance.md, "Hybrid retrieval"): RRF (linear mixes won
     * on one judged set only, with a different weight each) with k = 60: k = 20 measured up to 0.009 nDCG@10
     * better on the search sets (within noise on NFCorpus), but the answer endpoint's confidence model is
     * fitted on k = 60 fused scores and loses accuracy with k = 20 (AnswerEvaluationTest), so k changes only
     * together with a refit. 100 units from each list. Nearest units below cosine 0.55 are dropped: that
     * removes every nearest unit of the gibberish and of most general off-topic queries measured (best
     * cosines 0.42–0.55) for 0.006 of Recall@100 on NFCorpus. (semanticWeight is the linear mix's.)
     */
    public static final HybridOptions DEFAULTS = new HybridOptions(Fusion.RRF, 60, 0.5, 100, 0.55);

    public HybridOptions {
        if (fusion == null) {
            throw new IllegalArgumentException("fusion is required");
        }
        if (rrfK < 1 || depth < 1 || semanticWeight < 0 || semanticWeight > 1) {
            throw new IllegalArgumentException("rrfK and depth must be positive, semanticWeight in [0, 1]");
        }
    }
}
