package org.nutrisearch.opensearch;

import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.transport.Endpoint;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.TransportOptions;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A transport that passes every request on and records it as {@code "METHOD /path"}: the round trips a
 * backend makes to the cluster, counted without timing anything.
 */
final class RecordingTransport implements OpenSearchTransport {

    private final OpenSearchTransport delegate;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    RecordingTransport(OpenSearchTransport delegate) {
        this.delegate = delegate;
    }

    /** The requests sent since the last {@link #clear()}, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The requests sent since the last {@link #clear()} to {@code target} (an index or alias). */
    List<String> requestsTo(String target) {
        return requests().stream().filter(r -> r.contains(" /" + target + "/")).toList();
    }

    void clear() {
        requests.clear();
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
        record(request, endpoint);
        return delegate.performRequest(request, endpoint, options);
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        record(request, endpoint);
        return delegate.performRequestAsync(request, endpoint, options);
    }

    private <RequestT> void record(RequestT request, Endpoint<RequestT, ?, ?> endpoint) {
        requests.add(endpoint.method(request) + " " + endpoint.requestUrl(request));
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
