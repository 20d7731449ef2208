package org.nutrisearch.opensearch;

import java.util.function.Supplier;

/**
 * A test node started at most once per run: the first test that needs it starts it, the others share
 * it, and when the start failed they fail at once with the same reason instead of trying again (each
 * try can take minutes on a busy machine). Closed with the run's root store.
 */
final class StartOnce<T extends AutoCloseable> implements AutoCloseable {

    private final Supplier<T> start;
    private T started;
    private RuntimeException failure;

    StartOnce(Supplier<T> start) {
        this.start = start;
    }

    synchronized T get() {
        if (started == null && failure == null) {
            try {
                started = start.get();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new IllegalStateException("the test node could not be started: " + failure.getMessage(), failure);
        }
        return started;
    }

    @Override
    public synchronized void close() throws Exception {
        if (started != null) {
            started.close();
        }
    }
}
