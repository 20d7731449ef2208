package org.nutrisearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import org.nutrisearch.search.SearchHit;

/**
 * The JSON of a page of hits, kept for the page the backend handed out: a search answered from the
 * backend's result cache hands back the very same (immutable) list of hits, and its texts and snippets
 * need not be written as JSON again. Keyed by identity, so a page computed anew is always rendered anew.
 * Bounded to {@code capacity} pages, least recently used first. Thread-safe.
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

    private final ObjectMapper json;
    private final int capacity;
    private final LinkedHashMap<Same, RawValue> pages = new LinkedHashMap<>(16, 0.75f, true);

    RenderedHits(ObjectMapper json, int capacity) {
        this.json = json;
        this.capacity = capacity;
    }

    /** The {@code results} array of a search response for {@code hits}, as JSON ready to embed. */
    RawValue of(List<SearchHit> hits) {
        Same key = new Same(hits);
        synchronized (this) {
            RawValue kept = pages.get(key);
            if (kept != null) {
                return kept;
            }
        }
        RawValue rendered;
        try {
            rendered = new RawValue(new SerializedString(
                    json.writeValueAsString(hits.stream().map(ResultJson::of).toList())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            pages.put(key, rendered);
            if (pages.size() > capacity) {
                pages.pollFirstEntry();
            }
        }
        return rendered;
    }
}
