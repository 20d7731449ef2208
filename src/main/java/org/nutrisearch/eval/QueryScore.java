package org.nutrisearch.eval;

/**
 * The metrics of one query.
 *
 * @param firstRelevantRank 1-based rank of the first relevant result, 0 when none was returned
 */
public record QueryScore(String id, String category, double success1, double success3, double mrr10,
                         double ndcg10, double recall100, int firstRelevantRank) {
}
