package org.nutrisearch.http;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Writes lines to a stream in batches: each line is appended to a buffer, and the buffer goes out in one
 * write when it holds {@link #BATCH_CHARS} characters, every {@link #FLUSH_MILLIS} ms, and on
 * {@link #close}. A line per request written and flushed on its own cost a search about a tenth of its
 * server CPU (docs/benchmarks.md, "Latest, on a quiet machine"); batched, the cost is a short append.
 * Lines keep their order and are never split. Thread-safe.
 */
final class BatchedLines implements Consumer<String>, AutoCloseable {

    /** Characters buffered before a write: about a hundred access-log lines. */
    static final int BATCH_CHARS = 16 * 1024;
    /** The longest a line waits before it is written (a quiet server still logs promptly). */
    static final long FLUSH_MILLIS = 100;

    private final PrintStream out;
    private final long flushMillis;
    private final StringBuilder pending = new StringBuilder(BATCH_CHARS + 1024);
    private final Thread flusher;
    private boolean closed;

    /** Writes to {@code out}, flushing at least every {@value #FLUSH_MILLIS} ms from a daemon thread {@code name}. */
    BatchedLines(PrintStream out, String name) {
        this(out, name, FLUSH_MILLIS);
    }

    /** As {@link #BatchedLines(PrintStream, String)}, flushing every {@code flushMillis} ms (tests). */
    BatchedLines(PrintStream out, String name, long flushMillis) {
        this.out = out;
        this.flushMillis = flushMillis;
        this.flusher = Thread.ofPlatform().name(name).daemon().start(this::flushPeriodically);
    }

    /** Appends a line (a newline is added); writes the batch when it is full. After close, writes at once. */
    @Override
    public void accept(String line) {
        synchronized (pending) {
            pending.append(line).append('\n');
            if (pending.length() >= BATCH_CHARS || closed) {
                writePending();
            }
        }
    }

    /** Writes what is buffered now. */
    void flush() {
        synchronized (pending) {
            writePending();
        }
    }

    // Under the lock, so that batches go out whole and in order.
    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
        pending.setLength(0);
        out.write(bytes, 0, bytes.length);
        out.flush();
    }

    private void flushPeriodically() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(flushMillis);
                flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is buffered and stops the periodic flush; later lines are written as they come. */
    @Override
    public void close() {
        flusher.interrupt();
        synchronized (pending) {
            closed = true;
            writePending();
        }
    }
}
