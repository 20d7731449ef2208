package org.nutrisearch.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TextEmbedder} that embeds a passage only when its text is not in the {@link VectorCache} yet,
 * and stores what it computes. Queries are passed through: they are short, rarely repeat, and carry the
 * query instruction, so caching them would only grow the file.
 */
public final class CachedEmbedder implements TextEmbedder {

    /** Prefix of the cache keys of questions ({@link #embedQuestion}); passages never start with it. */
    public static final String QUESTION_KEY = "\u0001question\u0001";

    private final TextEmbedder model;
    private final VectorCache cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachedEmbedder(TextEmbedder model, VectorCache cache) {
        this.model = Objects.requireNonNull(model, "model");
        this.cache = Objects.requireNonNull(cache, "cache");
        if (!model.modelId().equals(cache.modelId()) || model.dimension() != cache.dimension()) {
            throw new IllegalArgumentException("Cache of " + cache.modelId() + "/" + cache.dimension()
                    + " cannot serve model " + model.modelId() + "/" + model.dimension());
        }
    }

    @Override
    public String modelId() {
        return model.modelId();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embedQuery(String query) {
        return model.embedQuery(query);
    }

    /**
     * Looks the question up in the cache first: FAQ questions are embedded at every build, unlike users'
     * queries. Their keys carry a prefix no passage starts with, so a question never returns a passage's
     * vector of the same text.
     */
    @Override
    public float[] embedQuestion(String question) {
        String key = QUESTION_KEY + question;
        try {
            float[] vector = cache.get(key);
            if (vector == null) {
                vector = model.embedQuestion(question);
                cache.put(key, vector);
                misses.incrementAndGet();
            } else {
                hits.incrementAndGet();
            }
            return vector;
        } catch (IOException e) {
            throw new UncheckedIOException("Vector cache " + cache.file() + " failed", e);
        }
    }

    @Override
    public float[] embedPassage(String passage) {
        return embedPassages(List.of(passage)).get(0);
    }

    /**
     * Looks every text up and embeds the missing ones in one call to the model (so it can use its workers);
     * a text given twice is embedded once.
     */
    @Override
    public List<float[]> embedPassages(List<String> passages) {
        try {
            float[][] vectors = new float[passages.size()][];
            Map<String, List<Integer>> missing = new LinkedHashMap<>();
            for (int i = 0; i < passages.size(); i++) {
                String text = passages.get(i);
                vectors[i] = cache.get(text);
                if (vectors[i] == null) {
                    missing.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
                }
            }
            if (!missing.isEmpty()) {
                List<String> texts = List.copyOf(missing.keySet());
                List<float[]> computed = model.embedPassages(texts);
                for (int j = 0; j < texts.size(); j++) {
                    cache.put(texts.get(j), computed.get(j));
                    for (int i : missing.get(texts.get(j))) {
                        vectors[i] = computed.get(j);
                    }
                }
            }
            misses.addAndGet(missing.size());
            hits.addAndGet(passages.size() - missing.size());
            return Arrays.asList(vectors);
        } catch (IOException e) {
            throw new UncheckedIOException("Vector cache " + cache.file() + " failed", e);
        }
    }

    /**
     * Drops the cached vectors of every passage not in {@code passages} and every question not in
     * {@code questions} (the file is rewritten when any goes).
     */
    @Override
    public void keepOnly(Collection<String> passages, Collection<String> questions) throws IOException {
        List<String> keys = new ArrayList<>(passages.size() + questions.size());
        keys.addAll(passages);
        questions.forEach(q -> keys.add(QUESTION_KEY + q));
        cache.retainOnly(keys);
    }

    /** Passages served from the cache so far (a text given twice in one call counts once as a miss). */
    public long hits() {
        return hits.get();
    }

    /** Distinct texts the model had to embed so far. */
    public long misses() {
        return misses.get();
    }
}
