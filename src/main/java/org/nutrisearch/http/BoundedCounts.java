package org.nutrisearch.http;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of at most {@code capacity} distinct keys (the "space-saving" top-k scheme): when full, a new
 * key replaces the least counted one and inherits its count, so frequent keys are never lost and a
 * count is over-estimated by at most the smallest count at the time. Not thread-safe.
 */
final class BoundedCounts {

    private final int capacity;
    private final Map<String, Long> counts = new HashMap<>();
    /**
     * How many keys hold each count: its first key is the least count, so the search for the key to
     * replace stops at the first key that holds it instead of visiting every key (the same key as a
     * full scan picks: the first least counted one in the map's order).
     */
    private final TreeMap<Long, Integer> keysByCount = new TreeMap<>();
    private boolean evicted;

    BoundedCounts(int capacity) {
        this.capacity = capacity;
    }

    void add(String key, long n) {
        Long current = counts.get(key);
        if (current != null) {
            put(key, current, current + n);
            return;
        }
        if (counts.size() < capacity) {
            put(key, null, n);
            return;
        }
        long fewest = keysByCount.firstKey();
        Map.Entry<String, Long> least = null;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (least == null || e.getValue() < least.getValue()) {
                least = e;
                if (e.getValue() == fewest) {
                    break; // nothing later in the order can be less
                }
            }
        }
        long inherited = least.getValue();
        counts.remove(least.getKey());
        forget(inherited);
        put(key, null, inherited + n);
        evicted = true;
    }

    /** Sets {@code key}'s count from {@code old} (null: a new key) to {@code count}. */
    private void put(String key, Long old, long count) {
        counts.put(key, count);
        if (old != null) {
            forget(old);
        }
        keysByCount.merge(count, 1, Integer::sum);
    }

    /** One key fewer holds {@code count}. */
    private void forget(long count) {
        keysByCount.computeIfPresent(count, (c, keys) -> keys == 1 ? null : keys - 1);
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
