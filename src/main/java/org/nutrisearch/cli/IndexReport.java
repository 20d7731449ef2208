package org.nutrisearch.cli;

import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusProblem;
import org.nutrisearch.index.IndexSummary;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints what an indexing run did: totals, units by kind, and every skipped input with its reason. */
final class IndexReport {

    private IndexReport() {
    }

    static void print(PrintStream out, CorpusLoad load, IndexSummary summary) {
        out.printf(Locale.ROOT, "Indexed %d articles, %d units in %.2f s (%.0f units/s), %.1f MB on disk%n",
                summary.articles(), summary.units(), summary.millis() / 1000.0, summary.unitsPerSecond(),
                summary.bytesOnDisk() / (1024.0 * 1024.0));
        StringBuilder kinds = new StringBuilder();
        summary.unitsByKind().forEach((k, n) -> kinds.append(kinds.isEmpty() ? "" : ", ").append(k).append(' ').append(n));
        out.println("  units by kind: " + kinds);
        printProblems(out, load);
    }

    static void printProblems(PrintStream out, CorpusLoad load) {
        if (load.problems().isEmpty()) {
            out.println("  skipped: none");
            return;
        }
        Map<String, Integer> byReason = new TreeMap<>();
        for (CorpusProblem p : load.problems()) {
            byReason.merge(p.reason().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        out.println("  skipped: " + load.problems().size() + " " + byReason);
        for (CorpusProblem p : load.problems()) {
            out.println("    " + p.file() + (p.line() == null ? "" : ":" + p.line()) + "  "
                    + p.reason().name().toLowerCase(Locale.ROOT) + "  " + p.detail());
        }
    }
}
