package org.nutrisearch.search.lucene;

import org.junit.jupiter.api.Test;
import org.nutrisearch.search.HybridOptions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HybridFusionTest {

    private static final List<HybridFusion.Ranked> LEXICAL = List.of(
            new HybridFusion.Ranked(1, "a#1", 8f), new HybridFusion.Ranked(2, "a#2", 4f));
    private static final List<HybridFusion.Ranked> SEMANTIC = List.of(
            new HybridFusion.Ranked(3, "b#1", 0.9f), new HybridFusion.Ranked(1, "a#1", 0.5f));

    @Test
    void reciprocalRankFusionAddsOneOverKPlusRankFromEachList() {
        List<HybridFusion.Fused> fused = HybridFusion.fuse(LEXICAL, SEMANTIC,
                new HybridOptions(HybridOptions.Fusion.RRF, 60, 0.5, 100, 0));
        assertEquals(List.of("a#1", "b#1", "a#2"), fused.stream().map(HybridFusion.Fused::unitId).toList());
        assertEquals(1f / 61 + 1f / 62, fused.get(0).score(), 1e-7);
        assertEquals(1f / 61, fused.get(1).score(), 1e-7);
        assertEquals(1f / 62, fused.get(2).score(), 1e-7);
        assertEquals(0.5f, fused.get(0).similarity());
        assertNull(fused.get(2).similarity(), "a unit only the words found has no cosine from the list");
    }

    @Test
    void linearMixWeighsBm25RelativeToTheBestAgainstTheCosine() {
        List<HybridFusion.Fused> fused = HybridFusion.fuse(LEXICAL, SEMANTIC,
                new HybridOptions(HybridOptions.Fusion.LINEAR, 60, 0.25, 100, 0));
        // a#1: 0.75 * 8/8 + 0.25 * 0.5; a#2: 0.75 * 4/8; b#1: 0.25 * 0.9
        assertEquals(List.of("a#1", "a#2", "b#1"), fused.stream().map(HybridFusion.Fused::unitId).toList());
        assertEquals(0.875f, fused.get(0).score(), 1e-6);
        assertEquals(0.375f, fused.get(1).score(), 1e-6);
        assertEquals(0.225f, fused.get(2).score(), 1e-6);
    }

    @Test
    void equalScoresAreOrderedByUnitId() {
        List<HybridFusion.Fused> fused = HybridFusion.fuse(
                List.of(new HybridFusion.Ranked(5, "z#1", 2f)), List.of(new HybridFusion.Ranked(6, "c#1", 0.7f)),
                new HybridOptions(HybridOptions.Fusion.RRF, 60, 0.5, 100, 0));
        assertEquals(List.of("c#1", "z#1"), fused.stream().map(HybridFusion.Fused::unitId).toList());
    }
}
