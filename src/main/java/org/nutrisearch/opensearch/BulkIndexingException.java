package org.nutrisearch.opensearch;

/** A bulk indexing run failed: an item was refused for good, so the new index is not published. */
public class BulkIndexingException extends RuntimeException {

    public BulkIndexingException(String message) {
        super(message);
    }
}
