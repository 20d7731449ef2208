package org.nutrisearch.index;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The index being served: one {@link SearcherManager} over the current generation, switched
 * atomically to a new generation after a reindex. Searches in flight on the old generation finish
 * on it; it is closed only when the last one is done.
 */
public final class LiveIndex implements AutoCloseable {

    /** One generation's folder, directory and searcher manager, with a count of searches using it. */
    private record Generation(Path dir, Directory directory, SearcherManager manager, AtomicInteger inFlight) {
        static Generation open(Path dir) throws IOException {
            Directory directory = FSDirectory.open(dir);
            try {
                return new Generation(dir, directory, new SearcherManager(directory, null), new AtomicInteger());
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        }
    }

    /** Work done with a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final AtomicReference<Generation> current;
    private final AtomicInteger version = new AtomicInteger();

    private LiveIndex(Generation generation) {
        this.current = new AtomicReference<>(generation);
    }

    /** Opens the index in {@code dir} (a committed generation). */
    public static LiveIndex open(Path dir) throws IOException {
        return new LiveIndex(Generation.open(dir));
    }

    /** The folder being served. */
    public Path dir() {
        return current.get().dir();
    }

    /** Incremented on every switch, so caches can tell generations apart. */
    public int version() {
        return version.get();
    }

    /** Runs {@code work} with a searcher of the current generation. */
    public <T> T search(SearcherWork<T> work) {
        while (true) {
            Generation g = current.get();
            g.inFlight().incrementAndGet();
            try {
                IndexSearcher searcher;
                try {
                    searcher = g.manager().acquire();
                } catch (AlreadyClosedException e) {
                    continue; // switched under us: take the new generation
                }
                try {
                    return work.apply(searcher);
                } finally {
                    g.manager().release(searcher);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                g.inFlight().decrementAndGet();
            }
        }
    }

    /**
     * Serves {@code newDir} from now on; then waits for searches on the old generation to end,
     * closes it and hands its folder to {@code retired} (to delete it).
     */
    public void switchTo(Path newDir, Consumer<Path> retired) throws IOException {
        Generation next = Generation.open(newDir);
        Generation old = current.getAndSet(next);
        version.incrementAndGet();
        retire(old, SWITCH_WAIT_NANOS);
        retired.accept(old.dir());
    }

    /** How long a switch waits for searches still on the old generation before closing it. */
    private static final long SWITCH_WAIT_NANOS = 30_000_000_000L;
    /** How long closing waits: at shutdown requests are drained already, only background readers remain. */
    private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;

    private static void retire(Generation old, long waitNanos) throws IOException {
        old.manager().close();
        long deadline = System.nanoTime() + waitNanos;
        while (old.inFlight().get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        old.directory().close();
    }

    /**
     * Closes the served generation once the searches on it are done (waiting at most 5 s; a reader still on
     * it then fails with Lucene's AlreadyClosedException, never a crash).
     */
    @Override
    public void close() throws IOException {
        retire(current.get(), CLOSE_WAIT_NANOS);
    }
}
