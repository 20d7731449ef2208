package org.nutrisearch.opensearch;

/**
 * The OpenSearch cluster cannot answer right now (unreachable, timed out, overloaded or without
 * serving shards); the HTTP layer turns it into a 503 with a retry hint.
 */
public class OpenSearchUnavailableException extends RuntimeException {

    public OpenSearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
