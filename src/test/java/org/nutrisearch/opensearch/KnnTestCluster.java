package org.nutrisearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * An OpenSearch 3.5 node with the k-NN plugin, started as a process of its own from
 * {@code target/opensearch-knn-cluster} (built by {@code scripts/opensearch-knn-cluster.sh}: OpenSearch
 * 3.5 with its Lucene 10.3 on a classpath apart from the service's Lucene 10.5; the registries serve
 * the k-NN plugin for 3.5 and 2.19, not for the 3.8 of the in-JVM test cluster). Tests share one
 * through {@link KnnOpenSearch}.
 */
public final class KnnTestCluster implements AutoCloseable {

    /** Where the script puts the node's classpath. */
    public static final Path HOME = Path.of("tools", "opensearch-knn-cluster", "target");
    /** How long a node may take to start on a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final List<URI> urls;
    private final OpenSearchConnection connection;

    private KnnTestCluster(Process process, List<URI> urls) {
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
        try {
            Path work = Files.createTempDirectory("nutrisearch-knn-run-");
            Path urlFile = work.resolve("urls");
            Path log = work.resolve("node.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xms512m", "-Xmx1g", "-XX:+UseSerialGC",
                    "-cp", HOME.resolve("lib").toAbsolutePath() + "/*",
                    "org.nutrisearch.knncluster.KnnClusterMain", "1", urlFile.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!Files.exists(urlFile)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the k-NN test node exited with " + process.exitValue()
                            + "; its log: " + log);
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the k-NN test node did not start within " + START_TIMEOUT
                            + "; its log: " + log);
                }
                Thread.sleep(200);
            }
            List<URI> urls = Arrays.stream(Files.readString(urlFile, StandardCharsets.UTF_8).strip().split(","))
                    .map(URI::create).toList();
            return new KnnTestCluster(process, urls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<URI> httpUrls() {
        return urls;
    }

    /** A client to the node, owned by the cluster (closed with it). */
    public OpenSearchConnection connection() {
        return connection;
    }

    /** Stops the node: closing its standard input ends it, and it deletes its data. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // The node is stopped next either way.
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
