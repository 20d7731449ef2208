package org.nutrisearch.search;

import org.nutrisearch.embedding.TextEmbedder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Query embeddings, with the most recently used kept in memory. Embedding a query costs milliseconds of
 * CPU (the dearest part of a semantic search) while a portal's search box sees the same few thousand
 * queries again and again. Thread-safe.
 */
public final class QueryVectors {

    /** Queries kept: 384 floats each, about 1.6 KB, so about 6.5 MB when full. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final TextEmbedder embedder;
    private final Map<String, float[]> recent;

    public QueryVectors(TextEmbedder embedder, int capacity) {
        this.embedder = embedder;
        this.recent = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The embedder behind the cache. */
    public TextEmbedder embedder() {
        return embedder;
    }

    /**
     * The embedding of {@code text} as a query. Case and runs of white space do not change the key: the
     * models used here lower-case their input.
     */
    public float[] of(String text) {
        String key = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        synchronized (recent) {
            float[] v = recent.get(key);
            if (v != null) {
                return v;
            }
        }
        // Embedded outside the lock: two threads may both embed a new query, which costs less than
        // making every other query wait behind one embedding.
        float[] v = embedder.embedQuery(key);
        synchronized (recent) {
            recent.put(key, v);
        }
        return v;
    }
}
