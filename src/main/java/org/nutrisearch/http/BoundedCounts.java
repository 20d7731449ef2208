package org.nutrisearch.http;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts of at most {@code capacity} distinct keys (the "space-saving" top-k scheme): when full, a new
 * key replaces the least counted one and inherits its count, so frequent keys are never lost and a
 * count is over-estimated by at most the smallest count at the time. Not thread-safe.
 */
final class BoundedCounts {

    private final int capacity;
    private final Map<String, Long> counts = new HashMap<>();
    private boolean evicted;

    BoundedCounts(int capacity) {
        this.capacity = capacity;
    }

    void add(String key, long n) {
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
        evicted = true;
    }

    /** Whether a key was ever dropped (counts are then upper bounds). */
    boolean evicted() {
        return evicted;
    }

    void markEvicted() {
        evicted = true;
    }

    /** A copy of the counts. */
    Map<String, Long> counts() {
        return new HashMap<>(counts);
    }
}
