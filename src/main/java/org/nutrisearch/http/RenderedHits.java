package org.nutrisearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.nutrisearch.search.SearchHit;

/**
 * The JSON of a page of hits, kept for the page the backend handed out: a search answered from the
 * backend's result cache hands back the very same (immutable) list of hits, and its texts and snippets
 * need not be written as JSON again. Keyed by identity, so a page computed anew is always rendered anew.
 * The JSON is kept as UTF-8 bytes ({@link RawJson}), what the response is written in.
 * Bounded to {@code capacity} pages and {@code maxChars} characters, least recently used first: a page is
 * weighed by its JSON (in bytes, as many as characters for ASCII text) and the hits it keeps alive (each
 * about as large), so a page of long units counts
 * for what it costs, not as one of many. Thread-safe.
 */
final class RenderedHits {

    /** A list of hits compared by identity: equal content computed twice is two entries. */
    private record Same(List<SearchHit> hits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.hits == hits;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(hits);
        }
    }

    /** A page's JSON and its weight in characters. */
    private record Page(RawValue json, long chars) {
    }

    /**
     * Writes UTF-8 as a writer of characters encodes it: a character outside the Basic Multilingual Plane
     * (an emoji in an article) as its four bytes, not as two escaped surrogates, so the bytes are those
     * the String of the same JSON gave.
     */
    private final ObjectWriter utf8Writer;
    private final int capacity;
    private final long maxChars;
    private final LinkedHashMap<Same, Page> pages = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;

    RenderedHits(ObjectMapper json, int capacity, long maxChars) {
        this.utf8Writer = json.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
        this.capacity = capacity;
        this.maxChars = maxChars;
    }

    /** The {@code results} array of a search response for {@code hits}, as JSON ready to embed. */
    RawValue of(List<SearchHit> hits) {
        Same key = new Same(hits);
        synchronized (this) {
            Page kept = pages.get(key);
            if (kept != null) {
                return kept.json();
            }
        }
        List<ResultJson> results = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            results.add(ResultJson.of(hit));
        }
        RawJson bytes;
        try {
            // UTF-8 once, here: the response copies these bytes (a String would be encoded again each time).
            bytes = new RawJson(utf8Writer.writeValueAsBytes(results));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        RawValue rendered = new RawValue(bytes);
        long weight = 2L * bytes.length();
        if (weight <= maxChars) {
            synchronized (this) {
                Page old = pages.put(key, new Page(rendered, weight));
                chars += weight - (old == null ? 0 : old.chars());
                while (pages.size() > capacity || chars > maxChars) {
                    chars -= pages.pollFirstEntry().getValue().chars();
                }
            }
        }
        return rendered;
    }

    /** Pages kept now, and the characters they weigh (for tests). */
    synchronized int size() {
        return pages.size();
    }

    synchronized long chars() {
        return chars;
    }
}
