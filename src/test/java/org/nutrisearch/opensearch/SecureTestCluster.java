package org.nutrisearch.opensearch;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * An OpenSearch 3.4 node with the security plugin (TLS on HTTP, basic authentication against the
 * plugin's demo users), started as a process of its own from {@code tools/opensearch-secure-cluster/target}
 * (built by {@code scripts/opensearch-test-nodes.sh}). Its certificates are made for the run by a CA of
 * its own; the node's certificate names {@code localhost} only. Tests share one through {@link SecureOpenSearch}.
 */
public final class SecureTestCluster implements AutoCloseable {

    /** Where the script puts the node's classpath and the plugin's demo configuration. */
    public static final Path HOME = Path.of("tools", "opensearch-secure-cluster", "target");

    private final ClusterProcess process;
    private final URI url;
    private final Path caCertificate;
    private final String user;
    private final String password;

    private SecureTestCluster(ClusterProcess process, Properties info) {
        this.process = process;
        this.url = URI.create(info.getProperty("url"));
        this.caCertificate = Path.of(info.getProperty("ca"));
        this.user = info.getProperty("user");
        this.password = info.getProperty("password");
    }

    /** True when the script has built the node's classpath. */
    public static boolean installed() {
        return Files.isDirectory(HOME.resolve("lib")) && Files.isDirectory(HOME.resolve("plugin"));
    }

    /** Starts the node and waits until it answers an authenticated request. */
    public static SecureTestCluster start() {
        ClusterProcess process = ClusterProcess.start("secure", List.of(HOME.resolve("lib"), HOME.resolve("plugin")),
                "org.nutrisearch.securecluster.SecureClusterMain", HOME.resolve("plugin").resolve("config").toString());
        Properties info = new Properties();
        try {
            info.load(new StringReader(process.started()));
        } catch (IOException e) {
            process.close();
            throw new UncheckedIOException(e);
        }
        return new SecureTestCluster(process, info);
    }

    /** {@code https://localhost:PORT}. */
    public URI url() {
        return url;
    }

    /** The PEM file of the CA that signed the node's certificate. */
    public Path caCertificate() {
        return caCertificate;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        process.close();
    }
}
