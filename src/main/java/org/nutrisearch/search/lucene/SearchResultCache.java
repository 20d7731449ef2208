package org.nutrisearch.search.lucene;

import java.util.Iterator;
import java.util.LinkedHashMap;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

/**
 * The latest results by request, for one index version: a portal's search box sends the same few
 * queries over and over, and a search costs milliseconds of CPU where handing back a kept result costs
 * microseconds. Least recently used results go first once {@code capacity} requests or
 * {@link #MAX_CHARS} characters of unit text are kept (a page of 100 long units weighs as much as
 * dozens of ordinary pages); a result of another index version is never returned. Thread-safe.
 */
final class SearchResultCache {

    /** Characters of unit text kept at most (about 2 bytes each): bounds the heap the cache takes. */
    static final long MAX_CHARS = 16L * 1024 * 1024;

    private record Entry(SearchResult result, long chars) {
    }

    private final int capacity;
    private final LinkedHashMap<SearchRequest, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private int version = Integer.MIN_VALUE;
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

    /** The result kept for {@code request} at index {@code version}, or null. */
    synchronized SearchResult get(int version, SearchRequest request) {
        if (version != this.version) {
            return null;
        }
        Entry e = entries.get(request);
        return e == null ? null : e.result();
    }

    /** Keeps {@code result} of {@code request}, computed at index {@code version}. */
    synchronized void put(int version, SearchRequest request, SearchResult result) {
        if (!enabled()) {
            return;
        }
        if (version != this.version) {
            // Only ever forward: a search that started before a switch must not bring the old version back.
            if (version < this.version) {
                return;
            }
            entries.clear();
            chars = 0;
            this.version = version;
        }
        long weight = weightOf(result);
        if (weight > MAX_CHARS) {
            return;
        }
        Entry old = entries.put(request, new Entry(result, weight));
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

    /** Emptied: what the results depend on besides the index changed (vectors became available). */
    synchronized void clear() {
        entries.clear();
        chars = 0;
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
