package org.nutrisearch.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * An OpenSearch 3.5 node with the k-NN plugin, started as a process of its own from
 * {@code tools/opensearch-knn-cluster/target} (built by {@code scripts/opensearch-test-nodes.sh}:
 * OpenSearch 3.5 with its Lucene 10.3 on a classpath apart from the service's Lucene 10.5; the
 * registries serve the k-NN plugin for 3.5 and 2.19, not for the 3.8 of the in-JVM test cluster).
 * Tests share one through {@link KnnOpenSearch}.
 */
public final class KnnTestCluster implements AutoCloseable {

    /** Where the script puts the node's classpath. */
    public static final Path HOME = Path.of("tools", "opensearch-knn-cluster", "target");

    private final ClusterProcess process;
    private final List<URI> urls;
    private final OpenSearchConnection connection;

    private KnnTestCluster(ClusterProcess process, List<URI> urls) {
        this.process = process;
        this.urls = List.copyOf(urls);
        this.connection = OpenSearchConnection.open(this.urls);
    }

    /** True when the script has built the node's classpath. */
    public static boolean installed() {
        return Files.isDirectory(HOME.resolve("lib"));
    }

    /** Starts one node and waits until it answers green (or fails, naming its log). */
    public static KnnTestCluster start() {
        ClusterProcess process = ClusterProcess.start("knn", List.of(HOME.resolve("lib")),
                "org.nutrisearch.knncluster.KnnClusterMain", "1");
        return new KnnTestCluster(process, Arrays.stream(process.started().strip().split(",")).map(URI::create).toList());
    }

    public List<URI> httpUrls() {
        return urls;
    }

    /** A client to the node, owned by the cluster (closed with it). */
    public OpenSearchConnection connection() {
        return connection;
    }

    /** Stops the node (it deletes its data). */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // The node is stopped next either way.
        }
        process.close();
    }
}
