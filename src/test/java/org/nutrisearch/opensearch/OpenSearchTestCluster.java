package org.nutrisearch.opensearch;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cluster.HealthResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real OpenSearch cluster (2 nodes by default) running inside the test JVM, on free ports under a
 * temporary folder. One per test class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}.
 *
 * <p>Node 1 is cluster manager and data node, the others are data nodes only, so any node but the
 * first can be stopped without the cluster losing its manager. Nodes only discover each other (explicit
 * transport ports and a random cluster name), never another test's cluster on the same machine.
 */
public final class OpenSearchTestCluster implements AutoCloseable {

    /** The server's own logs: warnings and errors to the console (the surefire report), nothing to files. */
    private static final String LOG_CONFIG = """
            status = error
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %marker%m%n
            rootLogger.level = warn
            rootLogger.appenderRef.console.ref = console
            # OpenSearch routes System.out through this logger: keep the tests' own prints.
            logger.stdout.name = stdout
            logger.stdout.level = info
            """;

    /**
     * The modules the backend uses: English analysis, stemmers and synonym filters, and HTTP. Scripting
     * (Painless), ingest, reindex and the rest are left out: less to load, and the two idle nodes hold
     * 36 MB of heap instead of 51 MB.
     */
    private static final List<String> MODULES = List.of(
            "org.opensearch.analysis.common.CommonAnalysisModulePlugin",
            "org.opensearch.transport.Netty4ModulePlugin");

    private final OpenSearchRunner runner;
    private final Path basePath;
    private final List<URI> httpUrls;
    private final OpenSearchConnection connection;

    private OpenSearchTestCluster(OpenSearchRunner runner, Path basePath, List<URI> httpUrls) {
        this.runner = runner;
        this.basePath = basePath;
        this.httpUrls = List.copyOf(httpUrls);
        this.connection = OpenSearchConnection.open(this.httpUrls);
    }

    /** Starts a 2-node cluster and waits until both nodes have joined. */
    public static OpenSearchTestCluster start() {
        return start(2);
    }

    /** Starts {@code nodes} nodes and waits until all have joined and the cluster is green. */
    public static OpenSearchTestCluster start(int nodes) {
        Path basePath;
        try {
            basePath = Files.createTempDirectory("nutrisearch-opensearch-");
            for (int i = 1; i <= nodes; i++) {
                // The runner keeps a log4j2.properties it finds in a node's config folder.
                Path config = Files.createDirectories(basePath.resolve("node_" + i).resolve("config"));
                Files.writeString(config.resolve("log4j2.properties"), LOG_CONFIG, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] httpPorts = freePorts(nodes);
        int[] transportPorts = freePorts(nodes);
        List<String> seedHosts = new ArrayList<>();
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            seedHosts.add("127.0.0.1:" + transportPorts[i]);
            urls.add(URI.create("http://127.0.0.1:" + httpPorts[i]));
        }

        OpenSearchRunner runner = new OpenSearchRunner();
        // Our ports are picked free and set per node below; the runner's own scan would stop at 9299.
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, settings) -> {
            int node = index - 1; // the runner numbers nodes from 1
            settings.put("http.port", httpPorts[node]);
            settings.put("transport.port", transportPorts[node]);
            settings.put("network.host", "127.0.0.1");
            settings.putList("discovery.seed_hosts", seedHosts);
            if (node > 0) {
                settings.putList("node.roles", "data");
            }
            // A busy shared disk must not stop replicas from being allocated.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            // Several nodes share one small test heap: don't trip the breaker on the JVM's total usage.
            settings.put("indices.breaker.total.use_real_memory", false);
        });
        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(basePath.toString())
                    .numOfNode(nodes)
                    .clusterName("nutrisearch-test-" + Long.toHexString(System.nanoTime()))
                    .moduleTypes(String.join(",", MODULES))
                    .printOnFailure());
            OpenSearchTestCluster cluster = new OpenSearchTestCluster(runner, basePath, urls);
            cluster.awaitHealth(nodes, HealthStatus.Green);
            return cluster;
        } catch (RuntimeException e) {
            closeQuietly(runner);
            throw e;
        }
    }

    /** HTTP URLs of all nodes, node 1 first. */
    public List<URI> httpUrls() {
        return httpUrls;
    }

    /** A client to all nodes, owned by the cluster (closed with it). */
    public OpenSearchConnection connection() {
        return connection;
    }

    /** Stops node {@code number} (1-based; not node 1, which manages the cluster). */
    public void stopNode(int number) {
        if (number < 2 || number > runner.getNodeSize()) {
            throw new IllegalArgumentException("can stop nodes 2.." + runner.getNodeSize() + ", not " + number);
        }
        try {
            runner.getNode(number - 1).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 60 s) until {@code nodes} nodes have joined and the cluster is at least {@code status}. */
    public void awaitHealth(int nodes, HealthStatus status) {
        try {
            HealthResponse health = connection.client().cluster().health(h -> h
                    .waitForNodes(w -> w.count(nodes))
                    .waitForStatus(status)
                    .timeout(t -> t.time("60s")));
            if (health.timedOut()) {
                throw new IllegalStateException("cluster not " + status + " with " + nodes + " nodes after 60 s: "
                        + health.status() + ", " + health.numberOfNodes() + " nodes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every node and deletes the temporary folder. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // The nodes are stopped next either way.
        }
        closeQuietly(runner);
    }

    private static void closeQuietly(OpenSearchRunner runner) {
        try {
            runner.close();
        } catch (IOException | RuntimeException e) {
            // A node that fails to stop must not keep the folder from being cleaned.
        }
        runner.clean();
    }

    private static int[] freePorts(int count) {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
            // Hold all sockets open while picking, so the ports are distinct.
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Closing a listening socket we own does not fail in practice.
                }
            }
        }
        return ports;
    }

    Path basePath() {
        return basePath;
    }
}
