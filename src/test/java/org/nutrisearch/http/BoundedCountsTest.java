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

    /** Every add on a full table, against the scan over all keys that picked the key before. */
    @Test
    void replacesTheKeyAScanOfAllKeysPicks() {
        Random random = new Random(17);
        BoundedCounts counts = new BoundedCounts(50);
        Map<String, Long> scanned = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            // Mostly new keys (the distinct queries of a search box), some repeated often.
            String key = random.nextInt(4) == 0 ? "q" + random.nextInt(20) : "n" + i;
            long n = 1 + random.nextInt(3);
            counts.add(key, n);
            scanAdd(scanned, 50, key, n);
            if (i % 97 == 0) {
                assertEquals(scanned, counts.counts(), "after " + (i + 1) + " adds");
            }
        }
        assertEquals(scanned, counts.counts());
        assertEquals(50, scanned.size());
    }

    /** The former implementation: a full scan for the first least counted key in the map's order. */
    private static void scanAdd(Map<String, Long> counts, int capacity, String key, long n) {
        Long current = counts.get(key);
        if (current != null) {
            counts.put(key, current + n);
            return;
        }
        if (counts.size() < capacity) {
            counts.put(key, n);
            return;
        }
        Map.Entry<String, Long> least = null;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (least == null || e.getValue() < least.getValue()) {
                least = e;
            }
        }
        long inherited = least.getValue();
        counts.remove(least.getKey());
        counts.put(key, inherited + n);
    }
}
