package org.nutrisearch.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One opened index generation: its reader and searcher, its commit's data, and whatever the services
 * built from it ({@link #shared}: vocabulary, suggestions, listings, caches), which live and die with it.
 * Counted references: {@link LiveIndex} holds one while the generation is served and every request
 * holds one while it runs ({@link LiveIndex#acquire}); the last release closes the reader and the
 * directory, and closes what was built from it. Thread-safe.
 */
public final class IndexGeneration {

    private final Path dir;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, String> commitData;
    private final Map<Object, Object> shared = new ConcurrentHashMap<>();
    private final AtomicInteger references = new AtomicInteger(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    private IndexGeneration(Path dir, Directory directory, DirectoryReader reader) throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.commitData = Map.copyOf(reader.getIndexCommit().getUserData());
    }

    /** Opens the committed generation in {@code dir} with one reference (the opener's). */
    static IndexGeneration open(Path dir) throws IOException {
        Directory directory = FSDirectory.open(dir);
        try {
            return new IndexGeneration(dir, directory, DirectoryReader.open(directory));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** The generation's folder. */
    public Path dir() {
        return dir;
    }

    public DirectoryReader reader() {
        return reader;
    }

    /** The searcher of this generation, shared by every request that uses it. */
    public IndexSearcher searcher() {
        return searcher;
    }

    /** The user data of the generation's commit (how it was built: vector model, vector count…). */
    public Map<String, String> commitData() {
        return commitData;
    }

    /**
     * What {@code build} makes of this generation, made once for {@code key} and kept as long as the
     * generation lives; closed with it when it is {@link AutoCloseable}. Concurrent first calls wait for one build.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, Function<IndexGeneration, T> build) {
        return (T) shared.computeIfAbsent(key, k -> build.apply(this));
    }

    /** Takes a reference, unless the generation is already closed. */
    boolean tryAcquire() {
        for (int n = references.get(); n > 0; n = references.get()) {
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Gives a reference back; the last one closes the generation. */
    void release() {
        if (references.decrementAndGet() == 0) {
            close();
        }
    }

    /** Waits up to {@code seconds} for the last reference to be given back; true when it was. */
    boolean awaitClosed(long seconds) throws InterruptedException {
        return closed.await(seconds, TimeUnit.SECONDS);
    }

    private void close() {
        try {
            for (Object built : shared.values()) {
                if (built instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        // What was built is dropped either way; the reader must still close.
                    }
                }
            }
            shared.clear();
            try (directory; reader) {
                // closed in reverse order: reader, then directory
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closed.countDown();
        }
    }
}
