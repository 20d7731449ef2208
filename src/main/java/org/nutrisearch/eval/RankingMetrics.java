package org.nutrisearch.eval;

import java.util.Arrays;

/**
 * Ranking metrics over graded judgments, computed the way trec_eval and BEIR compute them, so the
 * figures can be set next to published ones: gain = grade (linear), discount = log2(rank + 1).
 *
 * <p>{@code ranked} holds the grade of each returned result, best first (0 = not relevant);
 * {@code judged} holds the grades of every unit judged relevant for the query, in any order.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Normalised discounted cumulative gain over the first {@code k} results; 0 when nothing is relevant. */
    public static double ndcg(int[] ranked, int[] judged, int k) {
        int[] ideal = judged.clone();
        Arrays.sort(ideal);
        reverse(ideal);
        double best = dcg(ideal, k);
        return best == 0 ? 0 : dcg(ranked, k) / best;
    }

    /** Discounted cumulative gain of the first {@code k} grades. */
    public static double dcg(int[] grades, int k) {
        double sum = 0;
        for (int i = 0; i < Math.min(k, grades.length); i++) {
            if (grades[i] > 0) {
                sum += grades[i] / log2(i + 2);
            }
        }
        return sum;
    }

    /** 1 / rank of the first relevant result within the first {@code k}, else 0. */
    public static double reciprocalRank(int[] ranked, int k) {
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (ranked[i] > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** Whether a relevant result is among the first {@code k}. */
    public static boolean success(int[] ranked, int k) {
        return reciprocalRank(ranked, k) > 0;
    }

    /** Share of the relevant units found within the first {@code k}; 0 when nothing is relevant. */
    public static double recall(int[] ranked, int[] judged, int k) {
        long relevant = Arrays.stream(judged).filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = Arrays.stream(ranked).limit(k).filter(g -> g > 0).count();
        return (double) found / relevant;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static void reverse(int[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
