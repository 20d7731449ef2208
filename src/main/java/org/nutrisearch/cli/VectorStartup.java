package org.nutrisearch.cli;


import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.nutrisearch.index.CorpusReindexer;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.index.Reindexer;
import org.nutrisearch.index.VectorBackfill;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.QueryVectors;

/**
 * Turns on searches by meaning once the service is up: loads the embedding model (unless the start-up
 * build already did), hands query embeddings to the backend, and when the served index has no vectors
 * fills them in (see {@link VectorBackfill}). Runs on a background thread, so the index is searched
 * lexically from the first request; any failure leaves the service lexical and says why.
 */
final class VectorStartup {

    /** Progress is printed at most this often while filling in vectors. */
    private static final long PRINT_EVERY_NANOS = 30_000_000_000L;

    private final Services services;
    private final Path corpus;
    private final Path indexRoot;
    private final PrintStream out;

    VectorStartup(Services services, Path corpus, Path indexRoot, PrintStream out) {
        this.services = services;
        this.corpus = corpus;
        this.indexRoot = indexRoot;
        this.out = out;
    }

    /**
     * Starts the background work. {@code opened} holds the model when the start-up build loaded it,
     * and receives it when loaded here (for closing at shutdown); {@code reindexer} is replaced by one
     * that embeds.
     */
    void start(LuceneSearchBackend backend, LiveIndex live, AtomicReference<Embeddings> opened,
               AtomicReference<CorpusReindexer> reindexer) {
        Thread.ofPlatform().daemon().name("vectors").start(() -> {
            try {
                Embeddings embeddings = opened.get();
                if (embeddings == null) {
                    embeddings = Embeddings.open(indexRoot);
                    opened.set(embeddings);
                }
                Reindexer embedding = services.reindexer(corpus, indexRoot, live, embeddings.passages());
                reindexer.set(embedding);
                backend.useQueryVectors(new QueryVectors(embeddings.model(), QueryVectors.DEFAULT_CAPACITY));
                if (backend.vectorsAvailable()) {
                    out.println("vectors: ready (" + embeddings.model().modelId() + ")");
                    return;
                }
                fillIn(backend, live, embeddings, embedding);
            } catch (IOException | RuntimeException | org.nutrisearch.corpus.CorpusException e) {
                out.println("vectors: not available, searches run lexically: " + e.getMessage());
            }
        });
    }

    private void fillIn(LuceneSearchBackend backend, LiveIndex live, Embeddings embeddings, Reindexer reindexer)
            throws IOException, org.nutrisearch.corpus.CorpusException {
        long start = System.nanoTime();
        int[] total = {0};
        long[] lastPrint = {start};
        new VectorBackfill(live, embeddings.passages(), reindexer).run(
                n -> {
                    total[0] = n;
                    out.printf("vectors: the index has none; embedding %d units in the background "
                            + "(searches run lexically meanwhile)%n", n);
                },
                done -> {
                    long now = System.nanoTime();
                    if (now - lastPrint[0] >= PRINT_EVERY_NANOS) {
                        lastPrint[0] = now;
                        out.printf("vectors: %d of %d units (%.0f units/s)%n", done, total[0],
                                done / ((now - start) / 1e9));
                    }
                });
        out.printf("vectors: ready after %.1f s (%s); semantic and hybrid search on: %s%n",
                (System.nanoTime() - start) / 1e9, embeddings.model().modelId(), backend.vectorsAvailable());
    }
}
