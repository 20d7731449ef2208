package org.nutrisearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * Answers a request with a method HTTP does not define ({@code BREW}, {@code get}, any made-up word) with
 * 405 before anything else sees it. Every distinct made-up method used to become a new value of the
 * {@code method} label of the request metrics (200 requests, 202 values, 333 KB of {@code /metrics}) and a
 * new entry in Javalin's own table of methods, which never shrinks: memory without bound.
 */
final class KnownMethods extends Handler.Wrapper {

    /** The methods of RFC 9110 and PATCH (RFC 5789), spelled as HTTP spells them. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE",
            "PATCH");

    private final byte[] body;

    KnownMethods(Handler inner, ObjectMapper json) {
        super(inner);
        try {
            this.body = json.writeValueAsBytes(ApiError.of(405, "method_not_allowed", null,
                    "method not allowed on this resource"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (METHODS.contains(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        response.setStatus(405);
        response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST, OPTIONS");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // The security headers are on already: SecurityHeaders wraps this handler (Hardening).
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** The method as a metric label or log field: itself when HTTP defines it, else "OTHER". */
    static String label(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }
}
