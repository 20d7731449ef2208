package org.nutrisearch.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HandlerType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-origin access to the API: only the configured origins get {@code Access-Control-Allow-Origin}
 * (exact match, or {@code *} for any). Preflights from an allowed origin get 204 with the allowed
 * methods and headers; from any other origin 403. Requests without an {@code Origin} header are
 * not cross-origin and pass untouched.
 */
final class Cors implements Handler {

    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type, Authorization";
    private static final String ANY = "*";

    private final Set<String> origins;

    Cors(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    @Override
    public void handle(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !ctx.path().startsWith("/api/")) {
            return;
        }
        ctx.header("Vary", "Origin");
        boolean allowed = origins.contains(origin) || origins.contains(ANY);
        boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null;
        if (!allowed) {
            if (preflight) {
                throw new HttpResponseException(403, "this origin may not call the API",
                        Map.of(ApiErrors.CODE, "origin_not_allowed"));
            }
            return; // served without the header: the browser keeps the answer from the page
        }
        ctx.header("Access-Control-Allow-Origin", origins.contains(origin) ? origin : ANY);
        if (preflight) {
            ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }
}
