package org.nutrisearch.index;

import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The index being served: one {@link IndexGeneration} at a time, switched atomically to a new one after
 * a reindex. A request acquires the served generation once and reads everything from it (searcher,
 * vocabulary, suggestions, caches), so it never sees two generations; searches in flight on the old
 * generation finish on it, and it is closed when the last one is done.
 */
public final class LiveIndex implements AutoCloseable {

    /** How long a switch waits for the searches on the old generation before deleting its folder anyway. */
    static final long RETIRE_WAIT_SECONDS = 30;
    /** How long closing waits for requests on the served generation (they were drained before). */
    static final long CLOSE_WAIT_SECONDS = 2;

    /** Set by {@link #close()}: no request acquires a generation after it. */
    private volatile boolean closed;

    /** Work done with a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** A generation held for one request; closing it gives it back. */
    public static final class Lease implements AutoCloseable {
        private final IndexGeneration generation;
        private boolean released;

        private Lease(IndexGeneration generation) {
            this.generation = generation;
        }

        public IndexGeneration generation() {
            return generation;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                generation.release();
            }
        }
    }

    private final AtomicReference<IndexGeneration> current;

    private LiveIndex(IndexGeneration generation) {
        this.current = new AtomicReference<>(generation);
    }

    /** Opens the index in {@code dir} (a committed generation). */
    public static LiveIndex open(Path dir) throws IOException {
        return new LiveIndex(IndexGeneration.open(dir));
    }

    /** The folder being served. */
    public Path dir() {
        return current.get().dir();
    }

    /** The generation served now, held until the lease is closed. */
    public Lease acquire() {
        if (closed) {
            throw new IllegalStateException("the index is closed");
        }
        while (true) {
            IndexGeneration g = current.get();
            if (g.tryAcquire()) {
                return new Lease(g);
            }
            // Switched and closed between the read and the acquire: take the new one.
            if (current.get() == g) {
                throw new IllegalStateException("the index is closed");
            }
        }
    }

    /** Runs {@code work} with the searcher of the generation served now. */
    public <T> T search(SearcherWork<T> work) {
        try (Lease lease = acquire()) {
            return work.apply(lease.generation().searcher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves {@code newDir} from now on; then waits for searches on the old generation to end (up to
     * {@value #RETIRE_WAIT_SECONDS} s), and hands its folder to {@code retired} (to delete it).
     */
    public synchronized void switchTo(Path newDir, Consumer<Path> retired) throws IOException {
        IndexGeneration old = current.get();
        IndexGeneration next = IndexGeneration.open(newDir);
        current.set(next);
        retire(old);
        retired.accept(old.dir());
    }

    private static void retire(IndexGeneration old) {
        old.release();
        try {
            old.awaitClosed(RETIRE_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops serving: gives the served generation back and waits up to {@value #CLOSE_WAIT_SECONDS} s for
     * requests still on it. Work that holds it longer (the suggestions built in the background after a
     * start, about a minute on 200 000 units) closes it when it ends: a shutdown does not wait for it, so a
     * SIGTERM is not held up past an orchestrator's grace period.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return; // closed once: a second close must not give back a reference it no longer holds
        }
        closed = true;
        IndexGeneration served = current.get();
        served.release();
        try {
            served.awaitClosed(CLOSE_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
