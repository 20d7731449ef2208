package org.nutrisearch.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Runs the test cluster as a process of its own, for the benchmarks and for trying the OpenSearch
 * backend without installing OpenSearch: {@code ClusterMain NODES URL_FILE} starts NODES nodes, writes
 * their comma-separated HTTP URLs to URL_FILE once the cluster is green, and runs until killed.
 */
public final class ClusterMain {

    private ClusterMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: ClusterMain NODES URL_FILE");
            System.exit(2);
        }
        int nodes = Integer.parseInt(args[0]);
        Path urlFile = Path.of(args[1]);
        OpenSearchTestCluster cluster = OpenSearchTestCluster.start(nodes);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-stop"));
        String urls = cluster.httpUrls().stream().map(URI::toString).collect(Collectors.joining(","));
        Path partial = urlFile.resolveSibling(urlFile.getFileName() + ".tmp");
        Files.writeString(partial, urls + "\n", StandardCharsets.UTF_8);
        Files.move(partial, urlFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("OpenSearch test cluster of " + nodes + " node(s) at " + urls);
        Thread.currentThread().join();
    }
}
