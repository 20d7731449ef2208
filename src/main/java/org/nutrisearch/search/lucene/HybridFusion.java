package org.nutrisearch.search.lucene;

import org.nutrisearch.search.HybridOptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges a lexical and a semantic ranking of units into one, by {@link HybridOptions}. */
final class HybridFusion {

    /** A unit in one ranking: Lucene doc id, unit id (for ties) and that ranking's score. */
    record Ranked(int doc, String unitId, float score) {
    }

    /** A unit of the fused ranking, with the cosine similarity when the semantic list had it. */
    record Fused(int doc, String unitId, float score, Float similarity) {
    }

    private HybridFusion() {
    }

    /**
     * Both lists fused, best first, ties broken by unit id. {@code lexical} holds BM25 scores best first;
     * {@code semantic} holds cosine similarities best first.
     */
    static List<Fused> fuse(List<Ranked> lexical, List<Ranked> semantic, HybridOptions options) {
        Map<Integer, float[]> parts = new LinkedHashMap<>(); // doc -> {lexical part, semantic part, cosine or NaN}
        Map<Integer, String> ids = new LinkedHashMap<>();
        float best = lexical.isEmpty() ? 1 : Math.max(lexical.getFirst().score(), Float.MIN_NORMAL);
        for (int i = 0; i < lexical.size(); i++) {
            Ranked r = lexical.get(i);
            float part = options.fusion() == HybridOptions.Fusion.RRF
                    ? 1f / (options.rrfK() + i + 1)
                    : (float) ((1 - options.semanticWeight()) * r.score() / best);
            parts.computeIfAbsent(r.doc(), d -> new float[] {0, 0, Float.NaN})[0] = part;
            ids.put(r.doc(), r.unitId());
        }
        for (int i = 0; i < semantic.size(); i++) {
            Ranked r = semantic.get(i);
            float part = options.fusion() == HybridOptions.Fusion.RRF
                    ? 1f / (options.rrfK() + i + 1)
                    : (float) (options.semanticWeight() * r.score());
            float[] p = parts.computeIfAbsent(r.doc(), d -> new float[] {0, 0, Float.NaN});
            p[1] = part;
            p[2] = r.score();
            ids.put(r.doc(), r.unitId());
        }
        List<Fused> fused = new ArrayList<>(parts.size());
        parts.forEach((doc, p) -> fused.add(new Fused(doc, ids.get(doc), p[0] + p[1],
                Float.isNaN(p[2]) ? null : p[2])));
        fused.sort(Comparator.comparingDouble((Fused f) -> -f.score()).thenComparing(Fused::unitId));
        return fused;
    }
}
