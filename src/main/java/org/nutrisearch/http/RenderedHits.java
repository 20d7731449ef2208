package org.nutrisearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.nutrisearch.cache.WeightedLru;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.search.Highlight;
import org.nutrisearch.search.SearchHit;

/**
 * The JSON of a page of hits, kept for the page the backend handed out: a search answered from the
 * backend's result cache hands back the very same (immutable) list of hits, and its texts and snippets
 * need not be written as JSON again. Keyed by identity, so a page computed anew is always rendered anew.
 * The JSON is kept as UTF-8 bytes ({@link RawJson}), what the response is written in.
 * Bounded to {@code capacity} pages and {@code maxChars} characters, least recently used first: a page is
 * weighed by its JSON (in bytes, as many as characters for ASCII text) and the hits it keeps alive (each
 * about as large), so a page of long units counts
 * for what it costs, not as one of many. A page computed anew is written from each unit's own fields
 * (id to text: the same for every query that shows the unit), kept as JSON per unit object, and the
 * fields the query gives it (snippet to similarity): the unit's text is not encoded again for every
 * new query that shows it. Thread-safe.
 */
final class RenderedHits {

    /** Units whose fields' JSON is kept at most, and its bytes together. */
    static final int UNITS_KEPT = 4_096;
    static final long UNIT_BYTES_KEPT = 8L * 1024 * 1024;

    /**
     * A key compared by identity: the backend hands out the same unit object while it keeps the unit, and a
     * list of hits computed twice is two entries however equal their content.
     */
    private record Same<T>(T value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same<?> s && s.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /** The fields of {@link ResultJson} a unit alone decides, in its order and with its names. */
    private record UnitFieldsJson(String id, String kind, ResultJson.ArticleRef article, String heading,
                                  String question, String text) {
        static UnitFieldsJson of(ResultJson r) {
            return new UnitFieldsJson(r.id(), r.kind(), r.article(), r.heading(), r.question(), r.text());
        }
    }

    /** The fields of {@link ResultJson} that follow the unit's, which the query decides. */
    private record QueryFieldsJson(String snippet, List<Highlight> highlights, List<String> nutrients, double score,
                                   Double similarity) {
        static QueryFieldsJson of(ResultJson r) {
            return new QueryFieldsJson(r.snippet(), r.highlights(), r.nutrients(), r.score(), r.similarity());
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
    private final LinkedHashMap<Same<List<SearchHit>>, Page> pages = new LinkedHashMap<>(16, 0.75f, true);
    private long chars;
    /** Each unit's fields as the JSON object's members (no braces), UTF-8. */
    private final WeightedLru<Same<Unit>, byte[]> unitFields = new WeightedLru<>(UNITS_KEPT, UNIT_BYTES_KEPT, b -> b.length);

    RenderedHits(ObjectMapper json, int capacity, long maxChars) {
        this.utf8Writer = json.writer().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
        this.capacity = capacity;
        this.maxChars = maxChars;
    }

    /** The {@code results} array of a search response for {@code hits}, as JSON ready to embed. */
    RawValue of(List<SearchHit> hits) {
        Same<List<SearchHit>> key = new Same<>(hits);
        synchronized (this) {
            Page kept = pages.get(key);
            if (kept != null) {
                return kept.json();
            }
        }
        RawJson bytes;
        try {
            // UTF-8 once, here: the response copies these bytes (a String would be encoded again each time).
            bytes = new RawJson(render(hits));
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

    /**
     * The JSON array of {@code hits}' {@link ResultJson}, byte for byte as Jackson writes the list: each
     * object is its unit's members, a comma and the query's members, each written by the same writer.
     */
    private byte[] render(List<SearchHit> hits) throws JsonProcessingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 * (hits.size() + 1));
        out.write('[');
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            ResultJson result = ResultJson.of(hit);
            Same<Unit> unit = new Same<>(hit.unit());
            byte[] own = unitFields.get(unit);
            if (own == null) {
                own = members(utf8Writer.writeValueAsBytes(UnitFieldsJson.of(result)));
                unitFields.put(unit, own);
            }
            if (i > 0) {
                out.write(',');
            }
            out.write('{');
            out.writeBytes(own);
            out.write(',');
            out.writeBytes(members(utf8Writer.writeValueAsBytes(QueryFieldsJson.of(result))));
            out.write('}');
        }
        out.write(']');
        return out.toByteArray();
    }

    /** The members of a JSON object written compactly: its bytes without the braces. */
    private static byte[] members(byte[] object) {
        return Arrays.copyOfRange(object, 1, object.length - 1);
    }

    /** Pages kept now, and the characters they weigh (for tests). */
    synchronized int size() {
        return pages.size();
    }

    synchronized long chars() {
        return chars;
    }
}
