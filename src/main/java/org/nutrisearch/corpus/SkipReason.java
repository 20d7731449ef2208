package org.nutrisearch.corpus;

/** Why a file, or one line of a JSONL file, was left out of the corpus. */
public enum SkipReason {
    /** The file could not be opened or read (missing, permissions, a directory, an I/O error). */
    UNREADABLE,
    /** The file is empty, holds only whitespace, or nothing but page navigation. */
    EMPTY,
    /** The file holds NUL bytes: it is not a text file. */
    BINARY,
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8,
    /** The file is larger than the reader's limit, or a text, title, heading, question or id is longer than
     *  the service serves ({@link UnitLimits}). */
    TOO_LARGE,
    /** Another article already has this id; the later one is skipped. */
    DUPLICATE_ID,
    /** A JSONL line that is not a JSON object. */
    MALFORMED_LINE,
    /** A JSONL object without the fields an article or FAQ entry needs. */
    MISSING_FIELDS,
    /** A file type the loader does not read. */
    UNSUPPORTED_FILE,
    /** A symbolic link leading outside the corpus folder: not followed. */
    OUTSIDE_CORPUS,
    /** Not a regular file: a named pipe, socket or device, never opened. */
    SPECIAL_FILE
}
