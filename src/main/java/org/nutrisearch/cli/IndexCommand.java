package org.nutrisearch.cli;

import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.index.IndexSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code index}: rebuilds the index from the corpus and prints a summary. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Rebuild the index from the corpus and print a summary.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:everything was indexed", "1:nothing could be indexed",
            "2:bad arguments", "3:indexed, but some inputs were skipped (listed)"})
final class IndexCommand implements Callable<Integer> {

    static final int SOME_SKIPPED = 3;

    @Mixin
    CorpusOptions options;

    @Override
    public Integer call() throws Exception {
        Services services = Services.create();
        CorpusLoad load;
        long readStart = System.nanoTime();
        try {
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
        try (IndexProgress progress = IndexProgress.forUnits(IndexReport.unitCount(load))) {
            summary = services.rebuild(load, options.index, progress);
        }
        double cpuSeconds = (IndexReport.processCpuNanos() - cpuStart) / 1e9;
        IndexReport.print(System.out, load, summary);
        IndexReport.printTimings(System.out, readSeconds, cpuSeconds, summary);
        return load.problems().isEmpty() ? 0 : SOME_SKIPPED;
    }
}
