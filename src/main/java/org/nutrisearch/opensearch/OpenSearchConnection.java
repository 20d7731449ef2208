package org.nutrisearch.opensearch;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.InfoResponse;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An opensearch-java client over HTTP (Apache HttpClient 5) to one or more nodes of a cluster.
 *
 * <p>Several URLs make the client spread requests and skip a node that stopped answering, so a
 * cluster with replicas keeps serving when one node goes down.
 */
public final class OpenSearchConnection implements AutoCloseable {

    /** How long to wait for a TCP connection, and for an answer; a search on this corpus takes milliseconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final List<URI> nodes;
    private final OpenSearchTransport transport;
    private final OpenSearchClient client;

    private OpenSearchConnection(List<URI> nodes, OpenSearchTransport transport) {
        this.nodes = List.copyOf(nodes);
        this.transport = transport;
        this.client = new OpenSearchClient(transport);
    }

    /** Opens a client to {@code urls}: one or more {@code http://host:port}, separated by commas. */
    public static OpenSearchConnection open(String urls) {
        List<URI> nodes = new ArrayList<>();
        for (String url : urls.split(",")) {
            if (!url.isBlank()) {
                nodes.add(parseUrl(url.strip()));
            }
        }
        return open(nodes);
    }

    /** Opens a client to the given node URLs. Nothing is sent until the first request ({@link #verify()}). */
    public static OpenSearchConnection open(List<URI> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no OpenSearch URL given");
        }
        HttpHost[] hosts = nodes.stream()
                .map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort()))
                .toArray(HttpHost[]::new);
        OpenSearchTransport transport = ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setRequestConfigCallback(config -> config
                        .setConnectionRequestTimeout(Timeout.of(CONNECT_TIMEOUT))
                        .setResponseTimeout(Timeout.of(RESPONSE_TIMEOUT)))
                .setConnectionConfigCallback(config -> config.setConnectTimeout(Timeout.of(CONNECT_TIMEOUT)))
                .build();
        return new OpenSearchConnection(nodes, transport);
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
            throw new OpenSearchUnavailableException(
                    "OpenSearch is not reachable at " + nodes + ": " + describe(e), e);
        }
    }

    public OpenSearchClient client() {
        return client;
    }

    public List<URI> nodes() {
        return nodes;
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
