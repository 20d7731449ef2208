package org.nutrisearch.knncluster;

import org.codelibs.opensearch.runner.OpenSearchRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenSearch 3.5 cluster with the k-NN plugin on free local ports, for the tests and benchmarks of
 * searches by meaning on the OpenSearch backend: {@code KnnClusterMain NODES URL_FILE} starts the nodes,
 * writes their comma-separated HTTP URLs to URL_FILE once the cluster is green, and runs until its
 * standard input closes (the parent process ended) or it is killed; then it stops the nodes and
 * deletes their data.
 */
public final class KnnClusterMain {

    private static final String LOG_CONFIG = """
            status = error
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %marker%m%n
            rootLogger.level = warn
            rootLogger.appenderRef.console.ref = console
            """;

    /** English analysis and synonyms, HTTP, Painless (the k-NN plugin extends it) and k-NN. */
    private static final String MODULES = String.join(",",
            "org.opensearch.analysis.common.CommonAnalysisModulePlugin",
            "org.opensearch.transport.Netty4ModulePlugin",
            "org.opensearch.painless.PainlessModulePlugin");
    private static final String PLUGINS = "org.opensearch.knn.plugin.KNNPlugin";

    private KnnClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KnnClusterMain NODES URL_FILE");
            System.exit(2);
        }
        int nodes = Integer.parseInt(args[0]);
        Path urlFile = Path.of(args[1]);
        Path base = Files.createTempDirectory("nutrisearch-knn-cluster-");
        for (int i = 1; i <= nodes; i++) {
            Path config = Files.createDirectories(base.resolve("node_" + i).resolve("config"));
            Files.writeString(config.resolve("log4j2.properties"), LOG_CONFIG, StandardCharsets.UTF_8);
        }
        int[] http = freePorts(nodes);
        int[] transport = freePorts(nodes);
        List<String> seeds = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            seeds.add("127.0.0.1:" + transport[i]);
            urls.add("http://127.0.0.1:" + http[i]);
        }
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, settings) -> {
            int node = index - 1;
            settings.put("http.port", http[node]);
            settings.put("transport.port", transport[node]);
            settings.put("network.host", "127.0.0.1");
            settings.putList("discovery.seed_hosts", seeds);
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("indices.breaker.total.use_real_memory", false);
        });
        Runnable stop = () -> {
            try {
                runner.close();
            } catch (IOException | RuntimeException e) {
                // Stopping anyway; the folder is deleted next.
            }
            runner.clean();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "knn-cluster-stop"));
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(base.toString())
                .numOfNode(nodes)
                .clusterName("nutrisearch-knn-" + Long.toHexString(System.nanoTime()))
                .moduleTypes(MODULES)
                .pluginTypes(PLUGINS)
                .printOnFailure());
        runner.ensureGreen();
        Path partial = urlFile.resolveSibling(urlFile.getFileName() + ".tmp");
        Files.writeString(partial, String.join(",", urls) + "\n", StandardCharsets.UTF_8);
        Files.move(partial, urlFile, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("OpenSearch 3.5 cluster with k-NN, " + nodes + " node(s) at " + String.join(",", urls));
        // Runs until the parent closes our standard input (it ended, or it is done with the cluster).
        while (System.in.read() != -1) {
            // Nothing is read from the parent; anything sent is ignored.
        }
        System.exit(0);
    }

    private static int[] freePorts(int count) {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
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
                    // A listening socket we own closes.
                }
            }
        }
        return ports;
    }
}
