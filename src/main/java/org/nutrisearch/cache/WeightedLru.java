package org.nutrisearch.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.ToLongFunction;

/**
 * A map that drops its least recently used entries once it holds more than {@code maxEntries} of them or
 * their weights add up to more than {@code maxWeight}: how the caches of an index generation (results,
 * prepared units, unit traits) bound the heap they take. A value that alone weighs more than
 * {@code maxWeight} is not kept. Thread-safe.
 *
 * @param <K> the key
 * @param <V> the value, weighed once when it is put
 */
public final class WeightedLru<K, V> {

    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<K, Weighed<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    private record Weighed<V>(V value, long weight) {
    }

    /** At most {@code maxEntries} values weighing {@code maxWeight} together, each weighed by {@code weigher}. */
    public WeightedLru(int maxEntries, long maxWeight, ToLongFunction<V> weigher) {
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /** The value kept for {@code key} (now the most recently used), or null. */
    public synchronized V get(K key) {
        Weighed<V> w = entries.get(key);
        return w == null ? null : w.value();
    }

    /** Keeps {@code value} for {@code key}, dropping the least recently used past the bounds. */
    public synchronized void put(K key, V value) {
        long w = weigher.applyAsLong(value);
        if (w > maxWeight) {
            return;
        }
        Weighed<V> old = entries.put(key, new Weighed<>(value, w));
        weight += w - (old == null ? 0 : old.weight());
        Iterator<Weighed<V>> eldest = entries.values().iterator();
        while ((entries.size() > maxEntries || weight > maxWeight) && eldest.hasNext()) {
            weight -= eldest.next().weight();
            eldest.remove();
        }
    }

    /** Values kept now. */
    public synchronized int size() {
        return entries.size();
    }

    /** Their weight together. */
    public synchronized long weight() {
        return weight;
    }
}
