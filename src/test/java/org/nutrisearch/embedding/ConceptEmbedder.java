package org.nutrisearch.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in embedding model for tests: words of a small fixed table count toward shared concept axes
 * ("bananas" and "potassium" toward one), any other word toward an axis of its own hash. So texts that
 * share a concept but no word are near, as with a real model, and every vector is exact and known.
 */
public final class ConceptEmbedder implements TextEmbedder {

    public static final int DIMENSION = 16;
    private static final int CONCEPTS = 4;
    private static final Map<String, Integer> CONCEPT_OF = Map.ofEntries(
            Map.entry("banana", 0), Map.entry("bananas", 0), Map.entry("potassium", 0), Map.entry("electrolyte", 0),
            Map.entry("cramp", 1), Map.entry("cramps", 1), Map.entry("muscle", 1), Map.entry("muscles", 1),
            Map.entry("night", 2), Map.entry("nighttime", 2), Map.entry("sleep", 2),
            Map.entry("iron", 3), Map.entry("ferritin", 3), Map.entry("anemia", 3));

    private final String modelId;
    private final AtomicInteger passagesEmbedded = new AtomicInteger();

    public ConceptEmbedder(String modelId) {
        this.modelId = modelId;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(query);
    }

    @Override
    public float[] embedPassage(String passage) {
        passagesEmbedded.incrementAndGet();
        return embed(passage);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        List<float[]> out = new ArrayList<>();
        for (String p : passages) {
            out.add(embedPassage(p));
        }
        return out;
    }

    /** Passages embedded so far (to tell cache hits from model calls). */
    public int passagesEmbedded() {
        return passagesEmbedded.get();
    }

    /** Concept counts, then the other words hashed into the remaining axes; unit length. */
    public static float[] embed(String text) {
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Integer concept = CONCEPT_OF.get(word);
            int axis = concept != null ? concept : CONCEPTS + Math.floorMod(word.hashCode(), DIMENSION - CONCEPTS);
            v[axis] += concept != null ? 3 : 1; // a concept word says more than any other word
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[DIMENSION - 1] = 1;
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
