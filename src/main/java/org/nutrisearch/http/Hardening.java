package org.nutrisearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What keeps the public service up under hostile or heavy use, installed into a Javalin config:
 * security headers and JSON error pages for every response (Jetty level), a bound on requests served
 * at once (503 beyond it), CORS for the configured origins, and a per-client rate limit on the
 * public API (429).
 */
final class Hardening {

    /** Threads beyond the served and queued requests: Jetty's acceptors and selectors need their own. */
    private static final int SPARE_THREADS = 16;

    private final ServerConfig config;
    private final ObjectMapper json;
    private final RateLimiter limiter;

    Hardening(ServerConfig config, ObjectMapper json, LongSupplier nanoClock) {
        this.config = config;
        this.json = json;
        ServerConfig.Limits limits = config.limits();
        this.limiter = limits.rateLimitPerMinute() > 0
                ? new RateLimiter(limits.rateLimitPerMinute(), limits.rateLimitBurst(), nanoClock,
                RateLimiter.DEFAULT_MAX_CLIENTS) : null;
    }

    void install(JavalinConfig javalin) {
        ServerConfig.Limits limits = config.limits();
        int queued = limits.maxConcurrent();
        // Enough threads that the shedder, not Jetty's unbounded job queue, decides who waits.
        QueuedThreadPool pool = new QueuedThreadPool(limits.maxConcurrent() + queued + SPARE_THREADS, 8);
        if (javalin.concurrency.useVirtualThreads) {
            // Javalin hands requests to virtual threads only in a pool it makes itself: this one must be told
            // (App: -Dnutrisearch.httpThreads=virtual).
            pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("request-"));
        }
        javalin.jetty.threadPool = pool;
        JsonErrorHandler errors = new JsonErrorHandler(json);
        javalin.jetty.modifyServer(server -> {
            server.setErrorHandler(errors);
            server.setHandler(new SecurityHeaders(new KnownMethods(new LoadShedder(server.getHandler(),
                    limits.maxConcurrent(), limits.maxConcurrentPerClient(), limits.trustedProxy(), queued,
                    LoadShedder.DEFAULT_MAX_WAIT_MILLIS, json), json)));
        });
        javalin.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errors));
        javalin.routes.before(new Cors(config.http().corsOrigins()));
        if (limiter != null) {
            javalin.routes.before(this::rateLimit);
        }
        javalin.routes.before(QueryEncoding::check);
    }

    private void rateLimit(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith("/api/") || path.startsWith("/api/admin/")) {
            return;
        }
        RateLimiter.Verdict verdict = limiter.tryAcquire(ClientAddress.of(ctx, config.limits().trustedProxy()));
        if (!verdict.allowed()) {
            throw new HttpResponseException(429, "too many requests from this client; retry later",
                    Map.of(ApiErrors.CODE, "rate_limited", "Retry-After", Long.toString(verdict.retryAfterSeconds())));
        }
    }
}
