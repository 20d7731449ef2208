package org.nutrisearch.eval;

import java.util.Arrays;
import java.util.Locale;

/**
 * How long the searches of one evaluation run took, as the caller saw them (query embedding included):
 * mean, median and 99th percentile, in milliseconds.
 *
 * <p>Percentiles are nearest-rank: the p-th percentile of n sorted times is the ⌈p·n/100⌉-th of them, so
 * every figure is a time that was actually measured.
 */
public record QueryLatency(int queries, double meanMs, double p50Ms, double p99Ms) {

    /** The figures of {@code nanos}, one search each (all zero for none). */
    public static QueryLatency of(long[] nanos) {
        if (nanos.length == 0) {
            return new QueryLatency(0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return new QueryLatency(sorted.length, mean, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
    }

    /** The nearest-rank {@code p}-th percentile of ascending {@code sorted} (not empty). */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p * sorted.length / 100.0);
        return sorted[Math.max(1, rank) - 1];
    }

    /** One table row: {@code | label | queries | mean | p50 | p99 |}. */
    public String row(String label) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", label, queries, meanMs, p50Ms, p99Ms);
    }

    /** The header that goes with {@link #row}. */
    public static String header(String labelColumn) {
        return "| " + labelColumn + " | queries | mean ms | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|";
    }
}
