package org.nutrisearch.cli;

import org.nutrisearch.opensearch.ClusterAccess;
import org.nutrisearch.opensearch.IndexLayout;
import org.nutrisearch.opensearch.OpenSearchIndexer;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

    @Option(names = "--opensearch-user", paramLabel = "NAME", defaultValue = "${env:NUTRISEARCH_OPENSEARCH_USER}",
            description = "User for HTTP basic authentication to the cluster (security plugin); the password comes from "
                    + "the environment variable " + PASSWORD_VARIABLE + " or --opensearch-password-file, never from "
                    + "the command line. Env NUTRISEARCH_OPENSEARCH_USER.")
    String openSearchUser;

    @Option(names = "--opensearch-password-file", paramLabel = "FILE",
            defaultValue = "${env:NUTRISEARCH_OPENSEARCH_PASSWORD_FILE}",
            description = "File holding the password of --opensearch-user (its first line). Env NUTRISEARCH_OPENSEARCH_PASSWORD_FILE.")
    Path openSearchPasswordFile;

    @Option(names = "--opensearch-ca-cert", paramLabel = "FILE", defaultValue = "${env:NUTRISEARCH_OPENSEARCH_CA_CERT}",
            description = "PEM file with the CA certificate(s) that signed the nodes' TLS certificates (https URLs), "
                    + "when the JVM does not trust them already; certificates and host names are always verified. "
                    + "Env NUTRISEARCH_OPENSEARCH_CA_CERT.")
    Path openSearchCaCert;

    /** The environment variable the password of {@code --opensearch-user} is read from. */
    static final String PASSWORD_VARIABLE = "NUTRISEARCH_OPENSEARCH_PASSWORD";

    /** Credentials and trusted CAs for the cluster, the password from the process environment. */
    ClusterAccess access() {
        return access(System.getenv());
    }

    /**
     * Credentials and trusted CAs for the cluster, the password from {@code environment} or the password
     * file (not both).
     *
     * @throws IllegalArgumentException naming the option or variable at fault
     */
    ClusterAccess access(Map<String, String> environment) {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && openSearchPasswordFile != null) {
            throw new IllegalArgumentException("the OpenSearch password is set twice: " + PASSWORD_VARIABLE
                    + " and --opensearch-password-file (give one)");
        }
        String password = fromEnvironment;
        if (openSearchPasswordFile != null) {
            try {
                password = Files.readAllLines(openSearchPasswordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException("--opensearch-password-file: cannot read " + openSearchPasswordFile
                        + ": " + e.getMessage(), e);
            }
        }
        String user = openSearchUser == null || openSearchUser.isBlank() ? null : openSearchUser.strip();
        if (user == null && password != null) {
            throw new IllegalArgumentException("an OpenSearch password is set but no --opensearch-user");
        }
        if (user != null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("--opensearch-user " + user + " needs a password: set "
                    + PASSWORD_VARIABLE + " or --opensearch-password-file");
        }
        if (openSearchCaCert != null && !Files.isReadable(openSearchCaCert)) {
            throw new IllegalArgumentException("--opensearch-ca-cert: cannot read " + openSearchCaCert);
        }
        return new ClusterAccess(user, password, openSearchCaCert);
    }

    /** Indexing options for the cluster; throws IllegalArgumentException for a bad layout or alias. */
    OpenSearchIndexer.Options indexerOptions() {
        return OpenSearchIndexer.Options.defaults()
                .withAlias(openSearchAlias)
                .withLayout(new IndexLayout(openSearchShards, openSearchReplicas));
    }
}
