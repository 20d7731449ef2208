package org.nutrisearch.search.lucene;

import org.nutrisearch.cache.WeightedLru;
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

    /** A request, and whether vectors could be used when it was searched. */
    private record Key(SearchRequest request, boolean vectors) {
    }

    private final int capacity;
    private final WeightedLru<Key, SearchResult> entries;

    /** A cache of at most {@code capacity} results; 0 keeps none. */
    SearchResultCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("cache capacity must be >= 0, not " + capacity);
        }
        this.capacity = capacity;
        this.entries = new WeightedLru<>(capacity, MAX_CHARS, SearchResultCache::weightOf);
    }

    boolean enabled() {
        return capacity > 0;
    }

    /** The result kept for {@code request} searched with or without {@code vectors}, or null. */
    SearchResult get(SearchRequest request, boolean vectors) {
        return enabled() ? entries.get(new Key(request, vectors)) : null;
    }

    /** Keeps {@code result} of {@code request}, searched with or without {@code vectors}. */
    void put(SearchRequest request, boolean vectors, SearchResult result) {
        if (enabled()) {
            entries.put(new Key(request, vectors), result);
        }
    }

    /** Results kept now (for tests and monitoring). */
    int size() {
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
