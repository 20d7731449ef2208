package org.nutrisearch.opensearch;

import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.ShardStatistics;

import java.io.IOException;

/**
 * Runs requests to the cluster the same way everywhere: a request the cluster could not answer (no
 * connection, overload, a node leaving mid-request, no index behind the alias) is tried once more after
 * a short pause, and what still fails becomes {@link OpenSearchUnavailableException}. Mistakes in a
 * request are not retried and pass through as they are.
 */
final class ClusterCalls {

    private static final long RETRY_PAUSE_MILLIS = 100;

    /** One request. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    private ClusterCalls() {
    }

    /**
     * Runs {@code call} against {@code target} (an alias or index, named in messages); a search caught
     * by a node leaving the cluster fails on that node only, and its copies elsewhere answer the second try.
     */
    static <T> T run(String target, Call<T> call) {
        try {
            return attempt(target, call);
        } catch (OpenSearchUnavailableException first) {
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw first;
            }
            try {
                return attempt(target, call);
            } catch (OpenSearchUnavailableException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    /** Throws when some shards did not answer: a partial result would show wrong totals and facets. */
    static void requireAllShards(String target, ShardStatistics shards) {
        if (shards != null && shards.failed() > 0) {
            String reason = shards.failures().isEmpty() ? "" : ": " + shards.failures().get(0).reason().reason();
            throw new OpenSearchUnavailableException(
                    shards.failed() + " of " + shards.total() + " shards of '" + target + "' failed" + reason, null);
        }
    }

    private static <T> T attempt(String target, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new OpenSearchUnavailableException(
                    "OpenSearch request failed: " + OpenSearchConnection.describe(e), e);
        } catch (OpenSearchException e) {
            if (OpenSearchFailures.isTransient(e)) {
                throw new OpenSearchUnavailableException("OpenSearch cannot serve '" + target + "' now: "
                        + e.getMessage(), e, OpenSearchFailures.isIndexMissing(e));
            }
            throw e;
        } catch (RuntimeException e) {
            // The transport wraps connection failures it meets outside the request itself.
            if (e.getCause() instanceof IOException io) {
                throw new OpenSearchUnavailableException(
                        "OpenSearch request failed: " + OpenSearchConnection.describe(io), e);
            }
            throw e;
        }
    }
}
