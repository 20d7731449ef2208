package org.nutrisearch.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HybridFusionTest {

    private static final List<HybridFusion.Ranked<Integer>> LEXICAL = List.of(
            new HybridFusion.Ranked<>("a#1", 8f, 1), new HybridFusion.Ranked<>("a#2", 4f, 2));
    private static final List<HybridFusion.Ranked<Integer>> SEMANTIC = List.of(
            new HybridFusion.Ranked<>("b#1", 0.9f, 3), new HybridFusion.Ranked<>("a#1", 0.5f, 1));

    @Test
    void reciprocalRankFusionAddsOneOverKPlusRankFromEachList() {
        List<HybridFusion.Fused<Integer>> fused = HybridFusion.fuse(LEXICAL, SEMANTIC,
                new HybridOptions(HybridOptions.Fusion.RRF, 60, 0.5, 100, 0));
        assertEquals(List.of("a#1", "b#1", "a#2"), fused.stream().map(HybridFusion.Fused<Integer>::unitId).toList());
        assertEquals(1f / 61 + 1f / 62, fused.get(0).score(), 1e-7);
        assertEquals(1f / 61, fused.get(1).score(), 1e-7);
        assertEquals(1f / 62, fused.get(2).score(), 1e-7);
        assertEquals(0.5f, fused.get(0).similarity());
        assertNull(fused.get(2).similarity(), "a unit only the words found has no cosine from the list");
    }

    @Test
    void linearMixWeighsBm25RelativeToTheBestAgainstTheCosine() {
        List<HybridFusion.Fused<Integer>> fused = HybridFusion.fuse(LEXICAL, SEMANTIC,
                new HybridOptions(HybridOptions.Fusion.LINEAR, 60, 0.25, 100, 0));
        // a#1: 0.75 * 8/8 + 0.25 * 0.5; a#2: 0.75 * 4/8; b#1: 0.25 * 0.9
        assertEquals(List.of("a#1", "a#2", "b#1"), fused.stream().map(HybridFusion.Fused<Integer>::unitId).toList());
        assertEquals(0.875f, fused.get(0).score(), 1e-6);
        assertEquals(0.375f, fused.get(1).score(), 1e-6);
        assertEquals(0.225f, fused.get(2).score(), 1e-6);
    }

    @Test
    void equalScoresAreOrderedByUnitId() {
        List<HybridFusion.Fused<Integer>> fused = HybridFusion.fuse(
                List.of(new HybridFusion.Ranked<>("z#1", 2f, 5)), List.of(new HybridFusion.Ranked<>("c#1", 0.7f, 6)),
                new HybridOptions(HybridOptions.Fusion.RRF, 60, 0.5, 100, 0));
        assertEquals(List.of("c#1", "z#1"), fused.stream().map(HybridFusion.Fused<Integer>::unitId).toList());
    }
}
