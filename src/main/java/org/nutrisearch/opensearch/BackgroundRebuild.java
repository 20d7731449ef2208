package org.nutrisearch.opensearch;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a rebuild in the background when asked, one at a time and at most once per interval, however
 * many requests ask: every search that finds the index missing asks, and must not wait for the rebuild.
 */
public final class BackgroundRebuild implements Runnable, AutoCloseable {

    private final Runnable rebuild;
    private final long intervalNanos;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "opensearch-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong lastStart = new AtomicLong();
    private final AtomicLong started = new AtomicLong();

    public BackgroundRebuild(Runnable rebuild, Duration interval) {
        this.rebuild = rebuild;
        this.intervalNanos = interval.toNanos();
    }

    /** Starts the rebuild unless one is running or one started less than the interval ago; never blocks. */
    @Override
    public void run() {
        long now = System.nanoTime();
        long last = lastStart.get();
        if (started.get() > 0 && now - last < intervalNanos) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            return;
        }
        lastStart.set(now);
        started.incrementAndGet();
        worker.execute(() -> {
            try {
                rebuild.run();
            } finally {
                running.set(false);
            }
        });
    }

    /** How many rebuilds were started. */
    public long started() {
        return started.get();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
