package org.nutrisearch.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Mean and nearest-rank percentiles of search times. */
class QueryLatencyTest {

    @Test
    void percentilesAreMeasuredTimesByNearestRank() {
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (200 - i) * 1_000_000L; // 200 ms down to 1 ms, unsorted on purpose
        }
        QueryLatency l = QueryLatency.of(nanos);
        assertEquals(200, l.queries());
        assertEquals(100.5, l.meanMs(), 1e-9);
        assertEquals(100.0, l.p50Ms(), 1e-9);  // ceil(0.50 * 200) = 100th
        assertEquals(198.0, l.p99Ms(), 1e-9);  // ceil(0.99 * 200) = 198th
        assertEquals("| semantic | 200 | 100.5 | 100.0 | 198.0 |", l.row("semantic"));
    }

    @Test
    void fewTimesAndNoneAtAll() {
        QueryLatency three = QueryLatency.of(new long[] {3_000_000, 1_000_000, 2_000_000});
        assertEquals(2.0, three.p50Ms(), 1e-9);  // ceil(1.5) = 2nd
        assertEquals(3.0, three.p99Ms(), 1e-9);  // ceil(2.97) = 3rd
        assertEquals(new QueryLatency(0, 0, 0, 0), QueryLatency.of(new long[0]));
    }
}
