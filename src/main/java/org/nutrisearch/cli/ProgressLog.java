package org.nutrisearch.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The progress of a long job as one line every few seconds, for logs (a service manager, a container, a
 * file) where a redrawn progress bar would be hundreds of lines or nothing:
 * {@code index: 12000 of 200000 units (6100 units/s, about 31 s left)}. Thread-safe: the builder reports
 * from several threads.
 */
final class ProgressLog implements IntConsumer {

    /** How often a line is written at most. */
    static final Duration EVERY = Duration.ofSeconds(5);

    private final PrintStream out;
    private final String what;
    private final long total;
    private final long everyNanos;
    private final long start = System.nanoTime();
    private final AtomicLong last = new AtomicLong(System.nanoTime());

    ProgressLog(PrintStream out, String what, long total) {
        this(out, what, total, EVERY);
    }

    ProgressLog(PrintStream out, String what, long total, Duration every) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.everyNanos = every.toNanos();
    }

    @Override
    public void accept(int done) {
        long now = System.nanoTime();
        long before = last.get();
        if (now - before >= everyNanos && last.compareAndSet(before, now)) {
            out.println(line(done, (now - start) / 1e9));
        }
    }

    /** "what: done of total units (rate units/s, about N s left)". */
    String line(long done, double seconds) {
        if (done <= 0 || seconds <= 0) {
            return String.format(Locale.ROOT, "%s: %d of %d units", what, done, total);
        }
        double rate = done / seconds;
        long left = Math.round(Math.max(0, total - done) / rate);
        return String.format(Locale.ROOT, "%s: %d of %d units (%.0f units/s, about %s left)", what, done, total, rate,
                left >= 120 ? (left / 60) + " min" : left + " s");
    }
}
