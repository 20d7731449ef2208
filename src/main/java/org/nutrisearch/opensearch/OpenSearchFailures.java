package org.nutrisearch.opensearch;

import org.opensearch.client.opensearch._types.ErrorCause;
import org.opensearch.client.opensearch._types.OpenSearchException;

import java.util.Set;

/** Tells errors worth retrying later (overload, missing shards, no index yet) from mistakes in a request. */
final class OpenSearchFailures {

    /** HTTP statuses that mean "not now": too many requests, bad gateway, unavailable, gateway timeout. */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 502, 503, 504);

    /**
     * Error types that mean the data is not there yet or not reachable: no index behind the alias
     * (before the first reindex), or no copy of a shard on a live node.
     */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "index_not_found_exception", "no_shard_available_action_exception", "cluster_block_exception",
            "search_phase_execution_exception", "node_not_connected_exception", "node_disconnected_exception");

    private OpenSearchFailures() {
    }

    static boolean isTransient(OpenSearchException e) {
        if (TRANSIENT_STATUSES.contains(e.status())) {
            return true;
        }
        ErrorCause error = e.error();
        return error != null && TRANSIENT_TYPES.contains(error.type());
    }
}
