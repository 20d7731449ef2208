package org.nutrisearch.search.lucene;

import java.util.Iterator;
import java.util.LinkedHashMap;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

/**
 * The latest results by request, of one index generation ({@link ServedGeneration} holds one): a
 * portal's search box sends the same few queries over and over, and a search costs milliseconds of CPU
 * where handing back a kept result costs microseconds. Least recently used results go first once
 * {@code capacity} requests or {@link #MAX_CHARS} characters of unit text are kept (a page of 100 long
 * units weighs as much as dozens of ordinary pages). A request searched with vectors and without (the
 * model loads after the index) are kept apart. Thread-safe.
 */
final class SearchResultCache {

    /** Characters of unit text kept at most (about 2 bytes each): bounds the heap the cache takes. */
    static final long MAX_CHARS = 16L * 1024 * 1024;

    private record Entry(SearchResult result, long chars) {
    }

    /** A request, and whether vectors could be used when it was searched. */
    private record Key(SearchRequest request, boolean vectors) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;

    /** A cache of at most {@code capacity} results; 0 keeps none. */
    SearchResultCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, not " + capacity);
        }
        this.capacity = capacity;
    }

    boolean enabled() {
        return capacity > 0;
    }

    /** The result kept for {@code request} searched with or without {@code vectors}, or null. */
    synchronized SearchResult get(SearchRequest request, boolean vectors) {
        if (!enabled()) {
            return null;
        }
        Entry e = entries.get(new Key(request, vectors));
        return e == null ? null : e.result();
    }

    /** Keeps {@code result} of {@code request}, searched with or without {@code vectors}. */
    synchronized void put(SearchRequest request, boolean vectors, SearchResult result) {
        if (!enabled()) {
            return;
        }
        long weight = weightOf(result);
        if (weight > MAX_CHARS) {
            return;
        }
        Entry old = entries.put(new Key(request, vectors), new Entry(result, weight));
        chars += weight - (old == null ? 0 : old.chars());
        Iterator<Entry> eldest = entries.values().iterator();
        while ((entries.size() > capacity || chars > MAX_CHARS) && eldest.hasNext()) {
            chars -= eldest.next().chars();
            eldest.remove();
        }
    }

    /** Results kept now (for tests and monitoring). */
    synchronized int size() {
        return entries.size();
    }

    /** Characters of text a result holds, roughly: the units' texts, questions, headings, titles. */
    private static long weightOf(SearchResult result) {
        long n = 256;
        for (SearchHit hit : result.hits()) {
            n += 128 + length(hit.unit().text()) + length(hit.unit().question()) + length(hit.unit().heading())
                    + length(hit.unit().articleTitle());
            if (hit.snippet() != null) {
                n += 512;
            }
        }
        return n;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
