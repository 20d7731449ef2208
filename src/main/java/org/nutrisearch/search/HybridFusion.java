package org.nutrisearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a lexical and a semantic ranking of units into one, by {@link HybridOptions}: the one fusion
 * both backends run, keyed by unit id, so the embedded index and OpenSearch fuse alike. Each ranked
 * unit carries what its backend needs to fetch it afterwards ({@code T}: a Lucene doc id, a stored
 * unit).
 */
public final class HybridFusion {

    /** A unit in one ranking: its id (for ties and to meet itself in the other list), that ranking's score, and the backend's handle. */
    public record Ranked<T>(String unitId, float score, T item) {
    }

    /** A unit of the fused ranking, with the cosine similarity when the semantic list had it. */
    public record Fused<T>(String unitId, float score, Float similarity, T item) {
    }

    private HybridFusion() {
    }

    /**
     * Both lists fused, best first, ties broken by unit id. {@code lexical} holds BM25 scores best first;
     * {@code semantic} holds cosine similarities best first.
     */
    public static <T> List<Fused<T>> fuse(List<Ranked<T>> lexical, List<Ranked<T>> semantic, HybridOptions options) {
        Map<String, float[]> parts = new LinkedHashMap<>(); // unit -> {lexical part, semantic part, cosine or NaN}
        Map<String, T> items = new LinkedHashMap<>();
        float best = lexical.isEmpty() ? 1 : Math.max(lexical.getFirst().score(), Float.MIN_NORMAL);
        for (int i = 0; i < lexical.size(); i++) {
            Ranked<T> r = lexical.get(i);
            float part = options.fusion() == HybridOptions.Fusion.RRF
                    ? 1f / (options.rrfK() + i + 1)
                    : (float) ((1 - options.semanticWeight()) * r.score() / best);
            parts.computeIfAbsent(r.unitId(), u -> new float[] {0, 0, Float.NaN})[0] = part;
            items.put(r.unitId(), r.item());
        }
        for (int i = 0; i < semantic.size(); i++) {
            Ranked<T> r = semantic.get(i);
            float part = options.fusion() == HybridOptions.Fusion.RRF
                    ? 1f / (options.rrfK() + i + 1)
                    : (float) (options.semanticWeight() * r.score());
            float[] p = parts.computeIfAbsent(r.unitId(), u -> new float[] {0, 0, Float.NaN});
            p[1] = part;
            p[2] = r.score();
            items.put(r.unitId(), r.item());
        }
        List<Fused<T>> fused = new ArrayList<>(parts.size());
        parts.forEach((unit, p) -> fused.add(new Fused<>(unit, p[0] + p[1], Float.isNaN(p[2]) ? null : p[2],
                items.get(unit))));
        fused.sort(Comparator.comparingDouble((Fused<T> f) -> -f.score()).thenComparing(Fused::unitId));
        return fused;
    }

    /** The semantic list as its own ranking (semantic mode): cosine as score and similarity. */
    public static <T> List<Fused<T>> alone(List<Ranked<T>> semantic) {
        return semantic.stream().map(r -> new Fused<>(r.unitId(), r.score(), r.score(), r.item())).toList();
    }

    /** Best first by score, ties by unit id: the order every ranked list is fused in. */
    public static <T> List<Ranked<T>> bestFirst(List<Ranked<T>> ranked) {
        List<Ranked<T>> sorted = new ArrayList<>(ranked);
        sorted.sort(Comparator.comparingDouble((Ranked<T> r) -> -r.score()).thenComparing(Ranked::unitId));
        return sorted;
    }
}
