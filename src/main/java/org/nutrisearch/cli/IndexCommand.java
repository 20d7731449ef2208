package org.nutrisearch.cli;

import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.opensearch.OpenSearchConnection;
import org.nutrisearch.opensearch.OpenSearchCorpusIndexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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

    @Mixin
    VectorOptions vectorOptions;

    @Override
    public Integer call() throws Exception {
        Services services = Services.create();
        if (backendOptions.backend == BackendOptions.Backend.opensearch) {
            return indexIntoOpenSearch(services);
        }
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
        if (vectorOptions.vectors == VectorOptions.Vectors.now) {
            Embeddings opened;
            try {
                opened = Embeddings.open(options.index);
            } catch (IOException | RuntimeException e) {
                System.err.println("index: the embedding model or vector cache cannot be opened: " + e.getMessage()
                        + " (--vectors off indexes without vectors)");
                return 1;
            }
            try (Embeddings embeddings = opened;
                 IndexProgress progress = IndexProgress.forUnits(IndexReport.unitCount(load))) {
                summary = services.rebuild(load, manifest, options.index, progress, embeddings.passages());
                vectorNote = "  vector passages: " + embeddings.passageCounts();
            }
        } else {
            try (IndexProgress progress = IndexProgress.forUnits(IndexReport.unitCount(load))) {
                summary = services.rebuild(load, manifest, options.index, progress, null);
            }
            vectorNote = vectorOptions.vectors == VectorOptions.Vectors.later
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
            OpenSearchCorpusIndexer indexer = startup.corpusIndexer(connection);
            CorpusLoad load = services.loadCorpus(options.corpus);
            if (load.articles().isEmpty()) {
                IndexReport.printProblems(System.err, load);
                System.err.println("index: no article could be read from " + options.corpus);
                return 1;
            }
            IndexReport.print(System.out, load, indexer.index(load.articles()));
            return load.problems().isEmpty() ? 0 : SOME_SKIPPED;
        } catch (OpenSearchStartup.StartupException | CorpusException | RuntimeException e) {
            System.err.println("index: " + e.getMessage());
            return 1;
        }
    }
}
