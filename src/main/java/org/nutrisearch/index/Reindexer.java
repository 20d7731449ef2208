package org.nutrisearch.index;

import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.IndexSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rebuilds the index from the corpus into a fresh generation while searches go on, then switches
 * the served index to it; the old generation is deleted only after the switch.
 */
public final class Reindexer implements CorpusReindexer {

    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    /** What a reindex did. */
    public record Report(IndexSummary summary, CorpusLoad load, Instant finishedAt) {
    }

    /** Thrown when a reindex is asked for while one is running. */
    public static final class AlreadyRunning extends RuntimeException {
        public AlreadyRunning() {
            super("a reindex is already running");
        }
    }

    /** Thrown when the corpus yields no article: the served index is kept. */
    public static final class NothingToIndex extends RuntimeException {
        public NothingToIndex(String message) {
            super(message);
        }
    }

    private final Path corpus;
    private final IndexGenerations generations;
    private final IndexBuilder builder;
    private final LiveIndex live;
    private final CorpusLoader loader;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Instant lastFinished;

    public Reindexer(Path corpus, IndexGenerations generations, IndexBuilder builder, LiveIndex live,
                     CorpusLoader loader) {
        this.corpus = corpus;
        this.generations = generations;
        this.builder = builder;
        this.live = live;
        this.loader = loader;
    }

    /** Rebuilds and switches; one at a time (a second caller gets {@link AlreadyRunning}). */
    @Override
    public Report reindex() throws IOException, CorpusException {
        if (!running.tryLock()) {
            throw new AlreadyRunning();
        }
        try {
            // Taken before reading: a file changed during the build then differs at the next check.
            CorpusManifest manifest = CorpusManifest.scan(corpus);
            CorpusLoad load = loader.load(corpus);
            if (load.articles().isEmpty()) {
                throw new NothingToIndex("no article could be read from " + corpus + "; the served index is kept");
            }
            load.problems().forEach(p -> LOG.warn("reindex skipped {}", p.message()));
            IndexSummary summary = builder.rebuild(load.articles(), generations, null, manifest);
            Path fresh = generations.current().orElseThrow();
            live.switchTo(fresh, old -> {
                try {
                    generations.remove(old);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            lastFinished = Instant.now();
            LOG.info("reindexed {} articles, {} units into {}", summary.articles(), summary.units(), fresh);
            return new Report(summary, load, lastFinished);
        } finally {
            running.unlock();
        }
    }

    /**
     * Waits until no reindex runs (at most {@code timeout}); true when none does. A shutdown waits for a
     * reindex it stopped before it closes the index and releases the model.
     */
    public boolean awaitIdle(java.time.Duration timeout) {
        try {
            if (running.tryLock(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                running.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** When the last reindex finished, or null. */
    public Instant lastFinished() {
        return lastFinished;
    }
}
