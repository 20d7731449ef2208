package org.nutrisearch.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Off a terminal a long build says every few seconds how far it is, how fast, and how long is left. */
class ProgressLogTest {

    @Test
    void aLineSaysDoneTotalSpeedAndTimeLeft() {
        ProgressLog log = new ProgressLog(new PrintStream(new ByteArrayOutputStream()), "index", 200_000);
        assertEquals("index: 12000 of 200000 units (6000 units/s, about 31 s left)", log.line(12_000, 2.0));
        assertEquals("index: 1000 of 200000 units (100 units/s, about 33 min left)", log.line(1_000, 10.0));
        assertEquals("index: 0 of 200000 units", log.line(0, 1.0));
    }

    @Test
    void linesComeAtMostOncePerInterval() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressLog log = new ProgressLog(new PrintStream(out, true, StandardCharsets.UTF_8), "vectors", 100,
                Duration.ofDays(1));
        for (int i = 1; i <= 100; i++) {
            log.accept(i);
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing before the first interval has passed");
        ProgressLog every = new ProgressLog(new PrintStream(out, true, StandardCharsets.UTF_8), "vectors", 100,
                Duration.ZERO);
        every.accept(50);
        assertEquals(1, out.toString(StandardCharsets.UTF_8).lines().count());
        assertEquals(true, out.toString(StandardCharsets.UTF_8).startsWith("vectors: 50 of 100 units"));
    }
}
