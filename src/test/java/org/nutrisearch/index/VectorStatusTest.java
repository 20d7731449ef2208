package org.nutrisearch.index;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What /health says about the vectors while serve fills them in behind lexical search. */
class VectorStatusTest {

    @Test
    void embeddingShowsDoneTotalSpeedAndTimeLeftOtherStatesOnlyTheirName() throws Exception {
        VectorStatus status = new VectorStatus(VectorStatus.State.OFF);
        assertEquals(new VectorStatus.Snapshot("off", null, null, null, null), status.snapshot());
        status.set(VectorStatus.State.LOADING_MODEL);
        assertEquals("loading_model", status.snapshot().state());
        status.embedding(1000);
        assertEquals(new VectorStatus.Snapshot("embedding", 0, 1000, null, null), status.snapshot(),
                "no speed before the first unit");
        Thread.sleep(20);
        status.progress(250);
        VectorStatus.Snapshot s = status.snapshot();
        assertEquals(250, s.done());
        assertEquals(1000, s.total());
        assertNotNull(s.unitsPerSecond());
        // 750 units left at the speed so far.
        assertEquals(Math.round(750 / s.unitsPerSecond()), s.secondsLeft(), 1.0);
        assertTrue(s.unitsPerSecond() > 0);
        status.set(VectorStatus.State.READY);
        assertNull(status.snapshot().done());
        assertEquals("ready", status.snapshot().state());
    }
}
