package org.nutrisearch.corpus;

import java.util.Objects;

/**
 * Something left out of the corpus and why: a whole file, or one line of a JSONL file.
 *
 * @param file   the file as shown to users (see {@link CorpusPaths#display})
 * @param line   the 1-based line number for a JSONL line, else null
 * @param reason why it was left out
 * @param detail what exactly is wrong, without the file name
 */
public record CorpusProblem(String file, Integer line, SkipReason reason, String detail) {

    public CorpusProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** The problem of a whole file. */
    public static CorpusProblem of(CorpusException e) {
        return new CorpusProblem(e.displayFile(), null, e.reason(), e.detail());
    }

    /** "file:line: detail" (or "file: detail"), the way compilers name a place. */
    public String message() {
        return file + (line == null ? "" : ":" + line) + ": " + detail;
    }
}
