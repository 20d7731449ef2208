package org.nutrisearch.search;

/** The index is still being built or opened; the HTTP layer answers 503 with Retry-After. */
public final class IndexNotReadyException extends RuntimeException {

    public IndexNotReadyException() {
        super("the index is still loading");
    }
}
