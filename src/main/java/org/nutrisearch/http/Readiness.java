package org.nutrisearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import org.nutrisearch.search.IndexBuild;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.SearchBackend;

/**
 * {@code GET /ready}: 200 once the index is loaded and searchable, 503 while it is loading or while the
 * service drains for shutdown, so a load balancer sends traffic only where it can be served.
 * ({@code GET /health} only says that the process is up.)
 */
final class Readiness {

    /** The body: {@code status} is "ready", "loading" or "draining"; counts and the build served only when ready. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String status, Integer articles, Integer units, IndexBuild build) {
    }

    private final SearchBackend backend;
    private volatile boolean draining;

    Readiness(SearchBackend backend) {
        this.backend = backend;
    }

    /** From now on the service reports "draining": shutdown has begun. */
    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    void handle(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (draining) {
            ctx.status(503).json(new Body("draining", null, null, null));
            return;
        }
        if (!backend.ready()) {
            ctx.header("Retry-After", "5");
            ctx.status(503).json(new Body("loading", null, null, null));
            return;
        }
        IndexStats stats = backend.stats();
        ctx.json(new Body("ready", stats.articles(), stats.units(), backend.build().orElse(null)));
    }
}
