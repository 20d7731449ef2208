package org.nutrisearch.opensearch;

import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.InfoResponse;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * An opensearch-java client over HTTP or HTTPS (Apache HttpClient 5) to one or more nodes of a
 * cluster, with basic authentication when the cluster's security plugin asks for it ({@link ClusterAccess}).
 *
 * <p>Several URLs make the client spread requests and skip a node that stopped answering, so a
 * cluster with replicas keeps serving when one node goes down.
 */
public final class OpenSearchConnection implements AutoCloseable {

    /** How long to wait for a TCP connection, and for an answer; a search on this corpus takes milliseconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final List<URI> nodes;
    private final ClusterAccess access;
    private final OpenSearchTransport transport;
    private final OpenSearchClient client;

    private OpenSearchConnection(List<URI> nodes, ClusterAccess access, OpenSearchTransport transport) {
        this.nodes = List.copyOf(nodes);
        this.access = access;
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
    }

    /** Opens a client to {@code urls}: one or more {@code http://host:port}, separated by commas. */
    public static OpenSearchConnection open(String urls) {
        return open(urls, ClusterAccess.NONE);
    }

    /** As {@link #open(String)}, authenticating and trusting TLS certificates as {@code access} says. */
    public static OpenSearchConnection open(String urls, ClusterAccess access) {
        List<URI> nodes = new ArrayList<>();
        for (String url : urls.split(",")) {
            if (!url.isBlank()) {
                nodes.add(parseUrl(url.strip()));
            }
        }
        return open(nodes, access);
    }

    /** Opens a client to the given node URLs. Nothing is sent until the first request ({@link #verify()}). */
    public static OpenSearchConnection open(List<URI> nodes) {
        return open(nodes, ClusterAccess.NONE);
    }

    /**
     * Opens a client to the given node URLs with {@code access}: basic authentication sent with every
     * request (no extra round trip for a challenge), {@code https} nodes verified against the given CA
     * certificates (or the JVM's) and their host names. Nothing is sent until the first request.
     *
     * @throws IllegalArgumentException when the CA certificate file cannot be read or holds no certificate
     */
    public static OpenSearchConnection open(List<URI> nodes, ClusterAccess access) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no OpenSearch URL given");
        }
        HttpHost[] hosts = nodes.stream()
                .map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort()))
                .toArray(HttpHost[]::new);
        SSLContext tls = TrustedCertificates.sslContext(access.caCertificate());
        OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(config -> config
                        .setConnectionRequestTimeout(Timeout.of(CONNECT_TIMEOUT))
                        .setResponseTimeout(Timeout.of(RESPONSE_TIMEOUT)))
                .setConnectionConfigCallback(config -> config.setConnectTimeout(Timeout.of(CONNECT_TIMEOUT)))
                .setHttpClientConfigCallback(client -> {
                    // Certificates are verified against the trusted CAs, host names by the TLS engine and the client both.
                    client.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setTlsStrategy(ClientTlsStrategyBuilder.create()
                                    .setSslContext(tls)
                                    .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                                    .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier())
                                    .buildAsync())
                            .build());
                    if (access.authenticates()) {
                        String token = Base64.getEncoder().encodeToString(
                                (access.user() + ":" + access.password()).getBytes(StandardCharsets.UTF_8));
                        client.setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)));
                    }
                    return client;
                })
                .build();
        return new OpenSearchConnection(nodes, access, transport);
    }

    /**
     * Asks the cluster who it is, so a wrong URL or a stopped cluster is reported at start rather
     * than on the first search.
     *
     * @return e.g. {@code "cluster nutrisearch-test, OpenSearch 3.8.0"}
     * @throws OpenSearchUnavailableException naming the URLs tried, when no node answers
     */
    public String verify() {
        try {
            InfoResponse info = client.info();
            return "cluster " + info.clusterName() + ", " + info.version().distribution() + " " + info.version().number();
        } catch (IOException | RuntimeException e) {
            ResponseException refused = responseIn(e);
            if (refused == null) {
                throw new OpenSearchUnavailableException(
                        "OpenSearch is not reachable at " + nodes + ": " + describe(e), e);
            }
            throw refusal(refused);
        }
    }

    /** The HTTP error answer in {@code e}'s causes, or null when the request got none. */
    private static ResponseException responseIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ResponseException r) {
                return r;
            }
        }
        return null;
    }

    /** What an error answer to the first request says: credentials refused or missing, or another status. */
    private OpenSearchUnavailableException refusal(ResponseException e) {
        if (e.status() == 401) {
            return new OpenSearchUnavailableException(access.authenticates()
                    ? "OpenSearch at " + nodes + " refused the credentials of user '" + access.user() + "' (HTTP 401)"
                    : "OpenSearch at " + nodes + " asks for credentials (HTTP 401): set --opensearch-user and its password", e);
        }
        if (e.status() == 403) {
            return new OpenSearchUnavailableException("OpenSearch at " + nodes + " does not let user '" + access.user()
                    + "' read the cluster's information (HTTP 403): give the user a role that may", e);
        }
        return new OpenSearchUnavailableException("OpenSearch at " + nodes + " answered HTTP " + e.status(), e);
    }

    public OpenSearchClient client() {
        return client;
    }

    public List<URI> nodes() {
        return nodes;
    }

    /** A new client to the same nodes with the same credentials and trust (the caller closes it). */
    public OpenSearchConnection reopen() {
        return open(nodes, access);
    }

    /**
     * This connection with its transport wrapped by {@code wrap} (which closes the wrapped one): lets a
     * test see every request the backend sends, e.g. to count the round trips of a search.
     */
    OpenSearchConnection wrapTransport(UnaryOperator<OpenSearchTransport> wrap) {
        return new OpenSearchConnection(nodes, access, wrap.apply(transport));
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }

    static URI parseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("an OpenSearch URL looks like http://host:9200, not: " + url);
        }
        int port = uri.getPort() == -1 ? 9200 : uri.getPort();
        return URI.create(scheme + "://" + uri.getHost() + ":" + port);
    }

    /** The innermost message: "Connection refused" says more than the wrapping exceptions. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
