package org.nutrisearch.securecluster;

import org.codelibs.opensearch.runner.OpenSearchRunner;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A one-node OpenSearch 3.4 cluster with the security plugin: TLS on HTTP and between nodes with
 * certificates signed by a CA made for this run (keytool), HTTP basic authentication against the
 * plugin's demo users. {@code SecureClusterMain CONFIG_DIR INFO_FILE}: CONFIG_DIR holds the plugin's
 * demo configuration (*.yml); once the node answers, INFO_FILE gets {@code url=}, {@code ca=} (the CA
 * certificate, PEM), {@code user=} and {@code password=}. Runs until its standard input closes or it
 * is killed, then deletes its data and certificates.
 *
 * <p>The node's certificate names {@code localhost} only (no IP address), so a client that connects to
 * {@code https://127.0.0.1} must fail host name verification.
 */
public final class SecureClusterMain {

    private static final String STORE_PASSWORD = "changeit";
    /** The demo configuration's administrator, whose password is its name. */
    private static final String USER = "admin";
    private static final String PASSWORD = "admin";
    private static final String NODE_DN = "CN=node,OU=test,O=nutrisearch";
    private static final String ADMIN_DN = "CN=admin,OU=test,O=nutrisearch";

    private static final String LOG_CONFIG = """
            status = error
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %marker%m%n
            rootLogger.level = warn
            rootLogger.appenderRef.console.ref = console
            """;

    private SecureClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SecureClusterMain CONFIG_DIR INFO_FILE");
            System.exit(2);
        }
        Path demoConfig = Path.of(args[0]);
        Path infoFile = Path.of(args[1]);
        Path base = Files.createTempDirectory("nutrisearch-secure-cluster-");
        Path config = Files.createDirectories(base.resolve("node_1").resolve("config"));
        Files.writeString(config.resolve("log4j2.properties"), LOG_CONFIG, StandardCharsets.UTF_8);
        Path security = Files.createDirectories(config.resolve("opensearch-security"));
        try (Stream<Path> files = Files.list(demoConfig)) {
            for (Path yml : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                Files.copy(yml, security.resolve(yml.getFileName()));
            }
        }
        Path ca = certificates(config);
        int http;
        int transport;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            http = a.getLocalPort();
            transport = b.getLocalPort();
        }
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, s) -> {
            s.put("http.port", http);
            s.put("transport.port", transport);
            s.put("network.host", "127.0.0.1");
            s.put("cluster.routing.allocation.disk.threshold_enabled", false);
            for (String layer : List.of("transport", "http")) {
                String p = "plugins.security.ssl." + layer + ".";
                s.put(p + "keystore_type", "PKCS12");
                s.put(p + "keystore_filepath", "node.p12");
                s.put(p + "keystore_password", STORE_PASSWORD);
                s.put(p + "truststore_type", "PKCS12");
                s.put(p + "truststore_filepath", "truststore.p12");
                s.put(p + "truststore_password", STORE_PASSWORD);
            }
            s.put("plugins.security.ssl.transport.enforce_hostname_verification", false);
            s.put("plugins.security.ssl.http.enabled", true);
            s.put("plugins.security.allow_default_init_securityindex", true);
            s.putList("plugins.security.authcz.admin_dn", ADMIN_DN);
            s.putList("plugins.security.nodes_dn", NODE_DN);
            s.put("plugins.security.audit.type", "noop");
        });
        Runnable stop = () -> {
            try {
                runner.close();
            } catch (IOException | RuntimeException e) {
                // Stopping anyway; the folder is deleted next.
            }
            runner.clean();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "secure-cluster-stop"));
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(base.toString())
                .numOfNode(1)
                .clusterName("nutrisearch-secure-" + Long.toHexString(System.nanoTime()))
                .moduleTypes("org.opensearch.analysis.common.CommonAnalysisModulePlugin,org.opensearch.transport.Netty4ModulePlugin")
                .pluginTypes("org.opensearch.security.OpenSearchSecurityPlugin")
                .printOnFailure());
        runner.ensureYellow();
        awaitAuthenticatedAnswer("https://localhost:" + http + "/_cluster/health", ca);
        String info = "url=https://localhost:" + http + "\nca=" + ca + "\nuser=" + USER + "\npassword=" + PASSWORD + "\n";
        Path partial = infoFile.resolveSibling(infoFile.getFileName() + ".tmp");
        Files.writeString(partial, info, StandardCharsets.UTF_8);
        Files.move(partial, infoFile, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("OpenSearch 3.4 with the security plugin at https://localhost:" + http + " (CA " + ca + ")");
        while (System.in.read() != -1) {
            // Nothing is read from the parent.
        }
        System.exit(0);
    }

    /**
     * Waits (up to 120 s) until the node answers an authenticated request: the plugin loads its users and
     * roles into its own index after the node has started, and answers 503 until then.
     */
    private static void awaitAuthenticatedAnswer(String url, Path caPem) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(2)).build()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline) {
                try {
                    status = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the secured node did not answer an authenticated request within 120 s (last status "
                    + status + ")");
        }
    }

    /**
     * A CA, and a node and an administrator certificate it signed, in PKCS12 stores under {@code config};
     * returns the CA certificate as PEM, for clients.
     */
    private static Path certificates(Path config) throws IOException, InterruptedException {
        Path ca = config.resolve("ca.p12");
        Path caPem = config.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=nutrisearch-test-ca",
                "-ext", "bc:c", "-validity", "30", "-keystore", ca.toString(), "-storetype", "PKCS12");
        keytool("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-rfc", "-file", caPem.toString());
        keytool("-importcert", "-alias", "ca", "-keystore", config.resolve("truststore.p12").toString(),
                "-storetype", "PKCS12", "-file", caPem.toString(), "-noprompt");
        signed(config, "node", NODE_DN, ca, caPem);
        signed(config, "admin", ADMIN_DN, ca, caPem);
        return caPem;
    }

    private static void signed(Path config, String name, String dn, Path ca, Path caPem)
            throws IOException, InterruptedException {
        Path store = config.resolve(name + ".p12");
        Path request = config.resolve(name + ".csr");
        Path certificate = config.resolve(name + ".crt");
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", dn, "-validity", "30",
                "-keystore", store.toString(), "-storetype", "PKCS12");
        keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", request.toString(),
                "-outfile", certificate.toString(), "-rfc", "-validity", "30", "-ext", "SAN=dns:localhost",
                "-ext", "KU=digitalSignature,keyEncipherment", "-ext", "EKU=serverAuth,clientAuth");
        keytool("-importcert", "-alias", "ca", "-keystore", store.toString(), "-file", caPem.toString(), "-noprompt");
        keytool("-importcert", "-alias", name, "-keystore", store.toString(), "-file", certificate.toString());
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", STORE_PASSWORD));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
