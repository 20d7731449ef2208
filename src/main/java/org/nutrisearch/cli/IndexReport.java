package org.nutrisearch.cli;

import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusProblem;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexSummary;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints what an indexing run did: totals, units by kind, and every skipped input with its reason. */
final class IndexReport {

    private IndexReport() {
    }

    static void print(PrintStream out, CorpusLoad load, IndexSummary summary) {
        print(out, load, summary, Integer.MAX_VALUE);
    }

    /** As above, listing at most {@code listed} skipped inputs (serve's start-up stays a few lines). */
    static void print(PrintStream out, CorpusLoad load, IndexSummary summary, int listed) {
        out.printf(Locale.ROOT, "Indexed %d articles, %d units in %.2f s (%.0f units/s), %.1f MB on disk%n",
                summary.articles(), summary.units(), summary.millis() / 1000.0, summary.unitsPerSecond(),
                summary.bytesOnDisk() / (1024.0 * 1024.0));
        StringBuilder kinds = new StringBuilder();
        summary.unitsByKind().forEach((k, n) -> kinds.append(kinds.isEmpty() ? "" : ", ").append(k).append(' ').append(n));
        out.println("  units by kind: " + kinds);
        if (summary.vectors() > 0) {
            out.printf(Locale.ROOT, "  vectors: %d units embedded%n", summary.vectors());
        }
        printProblems(out, load, listed);
    }

    /**
     * Where the time went: reading the corpus, then writing the index, with the threads and the CPU
     * time the writing took (CPU time says what a build costs even on a machine busy with other work).
     */
    static void printTimings(PrintStream out, double readSeconds, double writeCpuSeconds, IndexSummary summary) {
        out.printf(Locale.ROOT, "  corpus read in %.2f s; index written in %.2f s by %d threads, %.1f CPU-s (%.0f units per CPU-s)%n",
                readSeconds, summary.millis() / 1000.0, IndexBuilder.threadsFor(summary.articles()), writeCpuSeconds,
                writeCpuSeconds <= 0 ? 0.0 : summary.units() / writeCpuSeconds);
    }

    /** CPU time of this process so far (all threads), or 0 where the JVM does not tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** Units the load will index (for the progress bar's length). */
    static long unitCount(CorpusLoad load) {
        long n = 0;
        for (Article a : load.articles()) {
            n += a.unitCount();
        }
        return n;
    }

    static void printProblems(PrintStream out, CorpusLoad load) {
        printProblems(out, load, Integer.MAX_VALUE);
    }

    /** As {@link #printProblems(PrintStream, CorpusLoad)}, listing at most {@code listed} of them. */
    static void printProblems(PrintStream out, CorpusLoad load, int listed) {
        if (load.problemCount() == 0) {
            out.println("  skipped: none");
            return;
        }
        Map<String, Long> byReason = new TreeMap<>();
        load.countsByReason().forEach((reason, n) -> byReason.put(reason.name().toLowerCase(Locale.ROOT), n));
        out.println("  skipped: " + load.problemCount() + " " + byReason);
        List<CorpusProblem> shown = load.problems().subList(0, Math.min(listed, load.problems().size()));
        for (CorpusProblem p : shown) {
            out.println("    " + p.file() + (p.line() == null ? "" : ":" + p.line()) + "  "
                    + p.reason().name().toLowerCase(Locale.ROOT) + "  " + p.detail());
        }
        long unlisted = load.problemCount() - shown.size();
        if (unlisted > 0) {
            out.println("    … and " + unlisted + " more (counted above; `index` lists up to 1000, the reindex answer too)");
        }
    }
}
