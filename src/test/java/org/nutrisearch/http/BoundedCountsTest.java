package org.nutrisearch.http;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The space-saving counts keep the frequent keys and replace the same key a scan of all keys would. */
class BoundedCountsTest {

    @Test
    void aNewKeyReplacesTheLeastCountedAndInheritsItsCount() {
        BoundedCounts counts = new BoundedCounts(2);
        counts.add("magnesium", 3);
        counts.add("iron", 1);
        assertFalse(counts.evicted());
        counts.add("potassium", 1);
        assertEquals(Map.of("magnesium", 3L, "potassium", 2L), counts.counts());
        assertTrue(counts.evicted());
    }

    /** Of several least counted keys, the one that came to hold that count first goes. */
    @Test
    void replacesTheKeyThatHeldTheLeastCountLongest() {
        BoundedCounts counts = new BoundedCounts(3);
        counts.add("zinc", 1);
        counts.add("iron", 1);
        counts.add("calcium", 1);
        counts.add("zinc", 1); // zinc 2: iron has held 1 longest now
        counts.add("magnesium", 1);
        assertEquals(Map.of("zinc", 2L, "calcium", 1L, "magnesium", 2L), counts.counts());
        counts.add("potassium", 1);
        assertEquals(Map.of("zinc", 2L, "magnesium", 2L, "potassium", 2L), counts.counts());
        counts.add("iodine", 1); // all at 2: zinc came to 2 first
        assertEquals(Map.of("magnesium", 2L, "potassium", 2L, "iodine", 3L), counts.counts());
    }

    /** Every add on a full table, against a scan over all keys for the least count held longest. */
    @Test
    void replacesTheKeyAScanOfAllKeysPicks() {
        Random random = new Random(17);
        BoundedCounts counts = new BoundedCounts(50);
        Map<String, long[]> scanned = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            // Mostly new keys (the distinct queries of a search box), some repeated often.
            String key = random.nextInt(4) == 0 ? "q" + random.nextInt(20) : "n" + i;
            long n = 1 + random.nextInt(3);
            counts.add(key, n);
            scanAdd(scanned, 50, key, n, i);
            if (i % 97 == 0) {
                assertEquals(countsOf(scanned), counts.counts(), "after " + (i + 1) + " adds");
            }
        }
        assertEquals(countsOf(scanned), counts.counts());
        assertEquals(50, scanned.size());
    }

    /** A full scan: each key's count and the add at which it came to hold it; the least count, held longest, goes. */
    private static void scanAdd(Map<String, long[]> counts, int capacity, String key, long n, long at) {
        long[] current = counts.get(key);
        if (current != null) {
            counts.put(key, new long[] {current[0] + n, at});
            return;
        }
        if (counts.size() < capacity) {
            counts.put(key, new long[] {n, at});
            return;
        }
        Map.Entry<String, long[]> least = null;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] v = e.getValue();
            if (least == null || v[0] < least.getValue()[0] || (v[0] == least.getValue()[0] && v[1] < least.getValue()[1])) {
                least = e;
            }
        }
        long inherited = least.getValue()[0];
        counts.remove(least.getKey());
        counts.put(key, new long[] {inherited + n, at});
    }

    private static Map<String, Long> countsOf(Map<String, long[]> scanned) {
        Map<String, Long> out = new HashMap<>();
        scanned.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }
}
