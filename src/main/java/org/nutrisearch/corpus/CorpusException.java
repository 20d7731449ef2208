package org.nutrisearch.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A corpus file that cannot be used, with the reason and the file it concerns; the message names
 * the file first, e.g. {@code corpus/x.txt: not valid UTF-8 (byte 0xFF at offset 1234)}.
 */
public final class CorpusException extends Exception {

    private final transient Path file;
    private final SkipReason reason;
    private final String detail;

    public CorpusException(Path file, SkipReason reason, String detail) {
        this(file, reason, detail, null);
    }

    public CorpusException(Path file, SkipReason reason, String detail, Throwable cause) {
        super(CorpusPaths.display(Objects.requireNonNull(file, "file")) + ": " + detail, cause);
        this.file = file;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }

    /** The file as it is shown in messages (see {@link CorpusPaths#display}). */
    public String displayFile() {
        return CorpusPaths.display(file);
    }

    public SkipReason reason() {
        return reason;
    }

    /** The problem without the file name, e.g. "is empty". */
    public String detail() {
        return detail;
    }
}
