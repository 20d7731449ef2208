package org.nutrisearch.http;

import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a request body whole, bounded in size and in time. A request holds one of the service's slots while
 * its body arrives, so a body that stalls or trickles must not hold it for long: a pause longer than
 * {@link #MAX_PAUSE} (the connection's idle timeout is lowered to it while the body is read) or a body
 * taking longer than {@link #MAX_TIME} in all is answered 408 {@code request_timeout}, and it is the
 * client's fault, not the service's (no 500, no error log). A question body arrives in milliseconds.
 */
final class RequestBody {

    /** Longest pause between two parts of a body. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    /** Longest a whole body may take to arrive. */
    static final Duration MAX_TIME = Duration.ofSeconds(10);

    private RequestBody() {
    }

    /**
     * The body, refused with 413 past {@code maxBytes} whether or not Content-Length says so. A body up to
     * {@code drainBytes} is read to its end before refusing, so the client finishes sending and reads the
     * 413 instead of finding the connection reset under it.
     */
    static byte[] read(Context ctx, int maxBytes, int drainBytes) {
        if (ctx.contentLength() > drainBytes) {
            throw tooLarge(maxBytes);
        }
        EndPoint endPoint = endPointOf(ctx);
        long idleTimeout = endPoint == null ? 0 : endPoint.getIdleTimeout();
        if (endPoint != null) {
            endPoint.setIdleTimeout(Math.min(idleTimeout > 0 ? idleTimeout : Long.MAX_VALUE, MAX_PAUSE.toMillis()));
        }
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = new byte[Math.min(maxBytes + 1, 8192)];
            int length = 0;
            long total = 0;
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0; ) {
                if (System.nanoTime() > deadline) {
                    throw timedOut();
                }
                total += n;
                if (total > drainBytes) {
                    throw tooLarge(maxBytes);
                }
                if (length < maxBytes + 1) {
                    int keep = Math.min(n, maxBytes + 1 - length);
                    if (length + keep > body.length) {
                        body = Arrays.copyOf(body, Math.min(maxBytes + 1, Math.max(body.length * 2, length + keep)));
                    }
                    System.arraycopy(chunk, 0, body, length, keep);
                    length += keep;
                }
            }
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return Arrays.copyOf(body, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (endPoint != null) {
                endPoint.setIdleTimeout(idleTimeout);
            }
        }
    }

    private static EndPoint endPointOf(Context ctx) {
        try {
            return ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData().getConnection().getEndPoint();
        } catch (RuntimeException e) {
            return null; // not Jetty underneath (a test double): only the total deadline applies
        }
    }

    private static ContentTooLargeResponse tooLarge(int maxBytes) {
        return new ContentTooLargeResponse("the request body must be at most " + maxBytes + " bytes",
                Map.of(ApiErrors.CODE, "payload_too_large"));
    }

    static HttpResponseException timedOut() {
        return new HttpResponseException(408, "the request body did not arrive in time",
                Map.of(ApiErrors.CODE, "request_timeout"));
    }
}
