package org.nutrisearch.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import org.nutrisearch.search.BackendUnavailableException;
import org.nutrisearch.search.IndexNotReadyException;

/** Maps every exception to the JSON error shape, in one place. Internals never reach a client. */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    static final String CODE = "code";
    static final String PARAM = "param";

    private ApiErrors() {
    }

    /** A 400 naming the parameter. */
    static BadRequestResponse invalid(String param, String message) {
        return new BadRequestResponse(message, Map.of(CODE, "invalid_parameter", PARAM, param));
    }

    /** A 400 for a request body. */
    static BadRequestResponse invalidBody(String message) {
        return new BadRequestResponse(message, Map.of(CODE, "invalid_body"));
    }

    static void handle(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String code = e.getDetails().getOrDefault(CODE, defaultCode(status));
        String param = e.getDetails().get(PARAM);
        String message = e.getMessage() == null || e.getMessage().isBlank() ? defaultMessage(status) : e.getMessage();
        e.getDetails().forEach((k, v) -> {
            if (k.equals("Retry-After")) {
                ctx.header(k, v);
            }
        });
        ctx.status(status).json(ApiError.of(status, code, param, message));
    }

    /**
     * 503 while the search backend cannot answer (e.g. its cluster is down); the cause is logged, the
     * client is told to retry. Nothing is cached: the next request tries the backend again.
     */
    static void unavailable(BackendUnavailableException e, Context ctx) {
        LOG.warn("search backend unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        ctx.header("Retry-After", Integer.toString(BackendUnavailableException.RETRY_AFTER_SECONDS));
        ctx.status(503).json(ApiError.of(503, "backend_unavailable", null,
                "the search backend is not reachable right now; retry shortly"));
    }

    /** 503 while the index loads; clients may retry shortly. */
    static void indexNotReady(IndexNotReadyException e, Context ctx) {
        ctx.header("Retry-After", "5");
        ctx.status(503).json(ApiError.of(503, "index_loading", null, "the index is still loading; retry shortly"));
    }

    static void handleUnexpected(Exception e, Context ctx) {
        int clientFault = clientFault(e);
        if (clientFault == 408) {
            // The client stopped sending its body: the idle timeout ended the read. Its fault, not ours.
            LOG.debug("request body timed out on {} {}", ctx.method(), ctx.path());
            ctx.status(408).json(ApiError.of(408, "request_timeout", null, "the request body did not arrive in time"));
            return;
        }
        if (clientFault > 0) {
            // The connection, not the service, failed: a body cut short or badly framed.
            LOG.debug("bad request body on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(clientFault).json(ApiError.of(clientFault, "invalid_body", null,
                    "the request body could not be read (cut short or badly framed)"));
            return;
        }
        LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
        ctx.status(500).json(ApiError.of(500, "internal_error", null, "the server could not answer this request"));
    }

    /**
     * The 4xx status when {@code e} comes from reading the request itself (Jetty's early EOF, or its
     * 4xx for a malformed chunk), else 0. Only Jetty's own types count: an EOF from the index is ours.
     */
    static int clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return 408; // Jetty's idle timeout while the body was read
            }
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return 400;
            }
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return h.getCode();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return 0;
    }

    static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }

    static String defaultMessage(int status) {
        return switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            default -> "request failed";
        };
    }
}
