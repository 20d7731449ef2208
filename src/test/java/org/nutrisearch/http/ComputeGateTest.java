package org.nutrisearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ComputeGateTest {

    @Test
    @Timeout(30)
    void aSecondRequestWaitsUntilTheFirstIsDone() throws Exception {
        ComputeGate gate = ComputeGate.of(1);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> gate.call(() -> {
            inside.countDown();
            await(finish);
            return "first";
        }));
        inside.await();
        AtomicBoolean secondRan = new AtomicBoolean();
        Thread second = Thread.ofVirtual().start(() -> gate.call(() -> secondRan.getAndSet(true)));
        while (gate.waiting() == 0) {
            Thread.onSpinWait();
        }

        assertFalse(secondRan.get());
        finish.countDown();
        first.join();
        second.join();
        assertTrue(secondRan.get());
        assertEquals(0, gate.waiting());
    }

    @Test
    void aFailedRequestGivesItsPermitBack() {
        ComputeGate gate = ComputeGate.of(1);
        assertThrows(IllegalStateException.class, () -> gate.call(() -> {
            throw new IllegalStateException("index not ready");
        }));

        assertEquals("served", gate.call(() -> "served"));
    }

    @Test
    void zeroPermitsIsNoBound() {
        assertSame(ComputeGate.NONE, ComputeGate.of(0));
        assertThrows(IllegalArgumentException.class, () -> ComputeGate.of(-1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
