package org.nutrisearch.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Access-log lines written in batches: in order, whole, and all of them by close. */
class BatchedLinesTest {

    /** A flush period no test outlasts: only the test of the periodic flush sees one. */
    private static final long HOUR = 3_600_000;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesWaitForTheBatchAndGoOutInOrderOnFlush() {
        try (BatchedLines lines = new BatchedLines(out, "test-flush", HOUR)) {
            lines.accept("{\"n\":1}");
            lines.accept("{\"n\":2,\"q\":\"magnésium\"}");
            assertEquals("", written()); // not yet: a short line is not written on its own
            lines.flush();
            assertEquals("{\"n\":1}\n{\"n\":2,\"q\":\"magnésium\"}\n", written());
        }
    }

    @Test
    void aFullBatchIsWrittenAtOnce() {
        try (BatchedLines lines = new BatchedLines(out, "test-flush", HOUR)) {
            String line = "x".repeat(1023); // 1 KB with its newline
            for (int i = 0; i < BatchedLines.BATCH_CHARS / 1024; i++) {
                lines.accept(line);
            }
            assertEquals(BatchedLines.BATCH_CHARS, written().length());
            assertEquals(BatchedLines.BATCH_CHARS / 1024, written().lines().count());
        }
    }

    @Test
    void closeWritesWhatIsBufferedAndLaterLinesGoOutAtOnce() {
        BatchedLines lines = new BatchedLines(out, "test-flush", HOUR);
        lines.accept("first");
        lines.close();
        assertEquals("first\n", written());
        lines.accept("after close");
        assertEquals("first\nafter close\n", written());
    }

    @Test
    void theFlusherWritesAQuietServersLinesWithoutAFullBatch() throws Exception {
        try (BatchedLines lines = new BatchedLines(out, "test-flush", 10)) {
            lines.accept("lonely");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (written().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals("lonely\n", written());
        }
    }
}
