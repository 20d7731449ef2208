package org.nutrisearch.cli;

import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.opensearch.OpenSearchConnection;
import org.nutrisearch.opensearch.OpenSearchCorpusIndexer;
import picocli.CommandLine.Command;
import org.nutrisearch.index.StopSignal;
import org.nutrisearch.index.VectorTiming;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code index}: rebuilds the index (embedded, or on the OpenSearch cluster) from the corpus and prints a summary. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Rebuild the index from the corpus and print a summary.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything was indexed", "1:nothing could be indexed",
            "2:bad arguments", "3:indexed, but some inputs were skipped (listed)"})
final class IndexCommand implements Callable<Integer> {

    static final int SOME_SKIPPED = 3;

    @Mixin
    CorpusOptions options;

    @Mixin
    BackendOptions backendOptions;

    @Option(names = "--vectors", paramLabel = "WHEN", defaultValue = "${env:NUTRISEARCH_VECTORS:-now}",
            description = "Unit embeddings for semantic/hybrid search: now (while indexing), later (index lexically; "
                    + "serve fills them in) or off. Env NUTRISEARCH_VECTORS. Default: ${DEFAULT-VALUE}.")
    VectorTiming vectors;

    /** Exit code when SIGTERM or Ctrl-C stopped the build (128 + SIGTERM's number, as a shell reports it). */
    static final int STOPPED = 143;

    @Override
    public Integer call() throws Exception {
        Services services = Services.create();
        if (backendOptions.backend == BackendOptions.Backend.opensearch) {
            return indexIntoOpenSearch(services);
        }
        // A signal stops the build within one unit; the model is then closed here, before the JVM exits.
        StopSignal stop = new StopSignal();
        try (Signals.Registration signals = Signals.onTermination(stop::stop)) {
            return indexLocally(services, stop);
        } catch (StopSignal.Stopped e) {
            System.err.println("index: stopped; the served index is unchanged");
            return STOPPED;
        }
    }

    private int indexLocally(Services services, StopSignal stop) throws IOException {
        CorpusLoad load;
        CorpusManifest manifest;
        long readStart = System.nanoTime();
        try {
            // Taken before reading, and stored with the index: serve rebuilds when the corpus differs from it.
            manifest = CorpusManifest.scan(options.corpus);
            load = services.loadCorpus(options.corpus);
        } catch (CorpusException e) {
            System.err.println("index: " + e.getMessage());
            return 1;
        }
        if (load.articles().isEmpty()) {
            IndexReport.printProblems(System.err, load);
            System.err.println("index: no article could be read from " + options.corpus);
            return 1;
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        IndexSummary summary;
        long cpuStart = IndexReport.processCpuNanos();
        String vectorNote;
        if (vectors == VectorTiming.NOW) {
            Embeddings opened;
            try {
                opened = Embeddings.open(options.index);
            } catch (IOException | RuntimeException e) {
                System.err.println("index: the embedding model or vector cache cannot be opened: " + e.getMessage()
                        + " (--vectors off indexes without vectors)");
                return 1;
            }
            try (Embeddings embeddings = opened;
                 IndexProgress progress = IndexProgress.forUnits(IndexReport.unitCount(load), System.out, "index")) {
                summary = services.rebuild(load, manifest, options.index, progress, embeddings.passages(), stop);
                vectorNote = "  vector passages: " + embeddings.passageCounts();
            }
        } else {
            try (IndexProgress progress = IndexProgress.forUnits(IndexReport.unitCount(load), System.out, "index")) {
                summary = services.rebuild(load, manifest, options.index, progress, null, stop);
            }
            vectorNote = vectors == VectorTiming.LATER
                    ? "  vectors: none yet (serve fills them in; searches run lexically until then)"
                    : "  vectors: off (lexical search only)";
        }
        double cpuSeconds = (IndexReport.processCpuNanos() - cpuStart) / 1e9;
        IndexReport.print(System.out, load, summary);
        System.out.println(vectorNote);
        IndexReport.printTimings(System.out, readSeconds, cpuSeconds, summary);
        return load.problems().isEmpty() ? 0 : SOME_SKIPPED;
    }

    /** Builds new indexes on the cluster and switches the aliases to them; searches go on meanwhile. */
    private int indexIntoOpenSearch(Services services) throws IOException {
        OpenSearchStartup startup = new OpenSearchStartup(services, backendOptions, options.corpus);
        try (OpenSearchConnection connection = startup.connect(System.out)) {
            // Loaded once the cluster answered: units are embedded while indexing (--vectors later as now).
            Embeddings embeddings = null;
            if (vectors != VectorTiming.OFF) {
                try {
                    embeddings = Embeddings.open(options.index);
                } catch (IOException | RuntimeException e) {
                    System.err.println("index: the embedding model or vector cache cannot be opened: " + e.getMessage()
                            + " (--vectors off indexes without vectors)");
                    return 1;
                }
            }
            try (Embeddings model = embeddings) {
                return indexIntoOpenSearch(services, new OpenSearchStartup(services, backendOptions, options.corpus,
                        model).corpusIndexer(connection));
            }
        } catch (OpenSearchStartup.StartupException | CorpusException | RuntimeException e) {
            System.err.println("index: " + e.getMessage());
            return 1;
        }
    }

    /** Reads the corpus and has {@code indexer} build from it; the exit code. */
    private int indexIntoOpenSearch(Services services, OpenSearchCorpusIndexer indexer) throws CorpusException {
        // Taken before reading: a file changed during the build then differs at the next start.
        CorpusManifest manifest = CorpusManifest.scan(options.corpus);
        CorpusLoad load = services.loadCorpus(options.corpus);
        if (load.articles().isEmpty()) {
            IndexReport.printProblems(System.err, load);
            System.err.println("index: no article could be read from " + options.corpus);
            return 1;
        }
        IndexReport.print(System.out, load, indexer.index(load.articles(), manifest));
        return load.problems().isEmpty() ? 0 : SOME_SKIPPED;
    }
}
