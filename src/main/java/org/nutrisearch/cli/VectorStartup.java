package org.nutrisearch.cli;

import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.index.CorpusReindexer;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.index.Reindexer;
import org.nutrisearch.index.StopSignal;
import org.nutrisearch.index.VectorBackfill;
import org.nutrisearch.index.VectorStatus;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.QueryVectors;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns on searches by meaning once the index is served: loads the embedding model (unless the start-up
 * build already did), hands query embeddings to the backend, and when the served index has no vectors fills
 * them in (see {@link VectorBackfill}) while searches run lexically, with progress in {@code /health} and a
 * line every few seconds. Runs on the caller's (background) thread; any failure leaves the service lexical
 * and says why. The model it loads goes into {@code opened}: the service closes it, last.
 */
final class VectorStartup {

    private final Services services;
    private final Path corpus;
    private final Path indexRoot;
    private final PrintStream out;
    private final VectorStatus status;
    private final StopSignal stop;

    VectorStartup(Services services, Path corpus, Path indexRoot, PrintStream out, VectorStatus status,
                  StopSignal stop) {
        this.services = services;
        this.corpus = corpus;
        this.indexRoot = indexRoot;
        this.out = out;
        this.status = status;
        this.stop = stop;
    }

    /**
     * Loads the model when {@code opened} holds none, switches {@code reindexer} to one that embeds, and fills
     * in the vectors the served index lacks.
     *
     * @throws StopSignal.Stopped when the service stops meanwhile
     */
    void run(LuceneSearchBackend backend, LiveIndex live, AtomicReference<Embeddings> opened,
             AtomicReference<CorpusReindexer> reindexer) {
        try {
            Embeddings embeddings = opened.get();
            if (embeddings == null) {
                status.set(VectorStatus.State.LOADING_MODEL);
                embeddings = Embeddings.open(indexRoot);
                opened.set(embeddings);
            }
            stop.check();
            Reindexer embedding = services.reindexer(corpus, indexRoot, live, embeddings.passages(), stop);
            reindexer.set(embedding);
            backend.useQueryVectors(new QueryVectors(embeddings.model(), QueryVectors.DEFAULT_CAPACITY));
            if (backend.vectorsAvailable()) {
                status.set(VectorStatus.State.READY);
                out.println("vectors: ready (" + embeddings.model().modelId() + "); semantic and hybrid search on");
                return;
            }
            fillIn(backend, live, embeddings, embedding);
        } catch (StopSignal.Stopped e) {
            throw e;
        } catch (IOException | RuntimeException | CorpusException e) {
            status.set(VectorStatus.State.UNAVAILABLE);
            out.println("vectors: not available, searches run lexically: " + e.getMessage());
        }
    }

    private void fillIn(LuceneSearchBackend backend, LiveIndex live, Embeddings embeddings, Reindexer reindexer)
            throws IOException, CorpusException {
        long start = System.nanoTime();
        ProgressLog[] log = new ProgressLog[1];
        int[] total = {0};
        new VectorBackfill(live, embeddings.passages(), reindexer, stop).run(
                n -> {
                    total[0] = n;
                    status.embedding(n);
                    log[0] = new ProgressLog(out, "vectors", n);
                    out.printf(Locale.ROOT, "vectors: embedding %d units in the background; searches run lexically "
                            + "meanwhile (progress on /health)%n", n);
                },
                done -> {
                    status.progress(done);
                    log[0].accept(done);
                    if (done >= total[0]) {
                        status.set(VectorStatus.State.SWITCHING);
                    }
                });
        boolean on = backend.vectorsAvailable();
        status.set(on ? VectorStatus.State.READY : VectorStatus.State.UNAVAILABLE);
        out.printf(Locale.ROOT, "vectors: %s after %.1f s (%s)%n",
                on ? "ready; semantic and hybrid search on" : "built, but not served (searches run lexically)",
                (System.nanoTime() - start) / 1e9, embeddings.model().modelId());
    }
}
