package org.nutrisearch.http;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of at most {@code capacity} distinct keys (the "space-saving" top-k scheme): when full, a new
 * key replaces the least counted one and inherits its count, so frequent keys are never lost and a
 * count is over-estimated by at most the smallest count at the time. Of several least counted keys the
 * one that has held that count longest goes. Not thread-safe.
 */
final class BoundedCounts {

    private final int capacity;
    private final Map<String, Long> counts = new HashMap<>();
    /**
     * The keys holding each count, in the order they came to hold it ("stream summary"): the key to replace
     * is the first of the first entry, found without visiting the other keys (the analytics lock is held
     * meanwhile, and a full table of distinct queries replaced a key on every search).
     */
    private final TreeMap<Long, LinkedHashSet<String>> keysByCount = new TreeMap<>();
    private boolean evicted;

    BoundedCounts(int capacity) {
        this.capacity = capacity;
    }

    void add(String key, long n) {
        Long current = counts.get(key);
        if (current != null) {
            forget(key, current);
            put(key, current + n);
            return;
        }
        if (counts.size() < capacity) {
            put(key, n);
            return;
        }
        Map.Entry<Long, LinkedHashSet<String>> fewest = keysByCount.firstEntry();
        long inherited = fewest.getKey();
        Iterator<String> oldest = fewest.getValue().iterator();
        String least = oldest.next();
        oldest.remove();
        if (fewest.getValue().isEmpty()) {
            keysByCount.remove(inherited);
        }
        counts.remove(least);
        put(key, inherited + n);
        evicted = true;
    }

    private void put(String key, long count) {
        counts.put(key, count);
        keysByCount.computeIfAbsent(count, c -> new LinkedHashSet<>()).add(key);
    }

    /** {@code key} no longer holds {@code count}. */
    private void forget(String key, long count) {
        LinkedHashSet<String> keys = keysByCount.get(count);
        keys.remove(key);
        if (keys.isEmpty()) {
            keysByCount.remove(count);
        }
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
