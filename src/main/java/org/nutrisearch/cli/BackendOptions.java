package org.nutrisearch.cli;

import org.nutrisearch.opensearch.IndexLayout;
import org.nutrisearch.opensearch.OpenSearchIndexer;
import picocli.CommandLine.Option;

/** Which search backend serves, and where the OpenSearch cluster is: options first, then environment, then defaults. */
final class BackendOptions {

    /** The search backends {@code serve} and {@code index} can use. */
    enum Backend {
        /** The embedded Lucene index in {@code --index} (default). */
        lucene,
        /** An OpenSearch cluster at {@code --opensearch-url}. */
        opensearch
    }

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "${env:NUTRISEARCH_BACKEND:-lucene}",
            description = "Search backend: ${COMPLETION-CANDIDATES}. Env NUTRISEARCH_BACKEND. Default: ${DEFAULT-VALUE}.")
    Backend backend;

    @Option(names = "--opensearch-url", paramLabel = "URLS",
            defaultValue = "${env:NUTRISEARCH_OPENSEARCH_URL:-http://localhost:9200}",
            description = "OpenSearch node URLs, comma-separated (http://host:9200). Env NUTRISEARCH_OPENSEARCH_URL. Default: ${DEFAULT-VALUE}.")
    String openSearchUrls;

    @Option(names = "--opensearch-alias", paramLabel = "NAME",
            defaultValue = "${env:NUTRISEARCH_OPENSEARCH_ALIAS:-" + OpenSearchIndexer.DEFAULT_ALIAS + "}",
            description = "Alias the service searches (articles under NAME-articles). Env NUTRISEARCH_OPENSEARCH_ALIAS. Default: ${DEFAULT-VALUE}.")
    String openSearchAlias;

    @Option(names = "--opensearch-shards", paramLabel = "N", defaultValue = "${env:NUTRISEARCH_OPENSEARCH_SHARDS:-1}",
            description = "Primary shards of a new unit index (1..64). Env NUTRISEARCH_OPENSEARCH_SHARDS. Default: ${DEFAULT-VALUE}.")
    int openSearchShards;

    @Option(names = "--opensearch-replicas", paramLabel = "N", defaultValue = "${env:NUTRISEARCH_OPENSEARCH_REPLICAS:-0}",
            description = "Replicas of each shard of a new index (0..8). Env NUTRISEARCH_OPENSEARCH_REPLICAS. Default: ${DEFAULT-VALUE}.")
    int openSearchReplicas;

    @Option(names = "--opensearch-reindex", defaultValue = "${env:NUTRISEARCH_OPENSEARCH_REINDEX:-false}",
            description = "serve: rebuild the OpenSearch indexes from the corpus at start even when they exist. Env NUTRISEARCH_OPENSEARCH_REINDEX.")
    boolean openSearchReindex;

    /** Indexing options for the cluster; throws IllegalArgumentException for a bad layout or alias. */
    OpenSearchIndexer.Options indexerOptions() {
        return OpenSearchIndexer.Options.defaults()
                .withAlias(openSearchAlias)
                .withLayout(new IndexLayout(openSearchShards, openSearchReplicas));
    }
}
