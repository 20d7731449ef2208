package org.nutrisearch.search;

/**
 * The search backend cannot answer right now (a search cluster unreachable, overloaded or without
 * serving copies of the index) but may later: the HTTP layer answers 503 with a retry hint, and the
 * next request tries again.
 */
public class BackendUnavailableException extends RuntimeException {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
