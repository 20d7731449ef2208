package org.nutrisearch.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.HybridOptions.Fusion;

/** The {@code --fusion} specs of eval-nfcorpus. */
class HybridVariantTest {

    private static final HybridOptions BASE = new HybridOptions(Fusion.RRF, 60, 0.5, 100, 0.25);

    @Test
    void aBareFusionTakesEverythingElseFromTheBase() {
        assertEquals(new HybridVariant("rrf k=60 depth=100 min=0.25", BASE), HybridVariant.parse("rrf", BASE));
        assertEquals(new HybridOptions(Fusion.LINEAR, 60, 0.5, 100, 0.25), HybridVariant.parse("LINEAR", BASE).options());
    }

    @Test
    void theFirstNumberIsRrfsConstantOrTheLinearWeight() {
        assertEquals(new HybridOptions(Fusion.RRF, 20, 0.5, 100, 0.25), HybridVariant.parse("rrf:20", BASE).options());
        HybridVariant linear = HybridVariant.parse("linear:0.3", BASE);
        assertEquals(new HybridOptions(Fusion.LINEAR, 60, 0.3, 100, 0.25), linear.options());
        assertEquals("linear w=0.30 depth=100 min=0.25", linear.label());
    }

    @Test
    void namedPartsSetDepthFloorAndEitherParameter() {
        assertEquals(new HybridVariant("rrf k=10 depth=50 min=0.60", new HybridOptions(Fusion.RRF, 10, 0.5, 50, 0.6)),
                HybridVariant.parse("rrf:10:depth=50:min=0.6", BASE));
        assertEquals(new HybridOptions(Fusion.LINEAR, 30, 0.7, 100, 0.0),
                HybridVariant.parse(" linear:w=0.7:k=30:min=0 ", BASE).options());
    }

    @Test
    void nonsenseIsRejectedWithAMessage() {
        assertEquals("fusion 'sum:3' must start with rrf or linear",
                assertThrows(IllegalArgumentException.class, () -> HybridVariant.parse("sum:3", BASE)).getMessage());
        assertEquals("fusion 'rrf:ten': 'ten' is not a number",
                assertThrows(IllegalArgumentException.class, () -> HybridVariant.parse("rrf:ten", BASE)).getMessage());
        assertEquals("fusion 'rrf:depth=5:x=1': unknown part 'x=1' (k=, w=, depth=, min=)",
                assertThrows(IllegalArgumentException.class, () -> HybridVariant.parse("rrf:depth=5:x=1", BASE)).getMessage());
        // Out of range: HybridOptions refuses it.
        assertThrows(IllegalArgumentException.class, () -> HybridVariant.parse("linear:1.5", BASE));
        assertThrows(IllegalArgumentException.class, () -> HybridVariant.parse("rrf:0", BASE));
    }
}
