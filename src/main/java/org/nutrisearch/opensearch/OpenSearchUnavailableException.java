package org.nutrisearch.opensearch;
import org.nutrisearch.search.BackendUnavailableException;


/**
 * The OpenSearch cluster cannot answer right now (unreachable, timed out, overloaded or without
 * serving shards); the HTTP layer turns it into a 503 with a retry hint, as for any
 * {@link BackendUnavailableException}.
 */
public class OpenSearchUnavailableException extends BackendUnavailableException {

    private final boolean indexMissing;

    public OpenSearchUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param indexMissing the cluster answered, but has no index behind the alias (never built, or lost) */
    public OpenSearchUnavailableException(String message, Throwable cause, boolean indexMissing) {
        super(message, cause);
        this.indexMissing = indexMissing;
    }

    /** True when the cluster answered but holds no index behind the alias: building one would help. */
    public boolean indexMissing() {
        return indexMissing;
    }
}
