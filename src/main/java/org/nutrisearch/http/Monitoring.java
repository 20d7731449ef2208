package org.nutrisearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.nutrisearch.index.VectorStatus;
import org.nutrisearch.search.SearchBackend;

/**
 * The operations side of the service, installed with one call: Prometheus metrics ({@code /metrics}),
 * the JSON access log, search analytics ({@code /api/admin/analytics}), readiness ({@code /ready}),
 * the API description ({@code /openapi.json}, {@code /docs}) and a graceful stop that lets requests
 * in flight finish. Every request passes through {@link #finished} once its response is written.
 */
public final class Monitoring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);
    /** Label for requests no route matched: their raw paths must not become metric series. */
    static final String UNMATCHED = "unmatched";
    /** Label for the page's static files. */
    static final String STATIC = "static";

    private final ServerConfig config;
    private final SearchBackend backend;
    private final Metrics metrics;
    private final AccessLog accessLog;
    private final SearchAnalytics analytics;
    private final Readiness readiness;
    private final AdminAuth adminAuth;
    private final VectorStatus vectorStatus;
    /** The app's state, for finding the route of a request that a before-handler stopped short of it. */
    private volatile JavalinState javalin;

    private final Clock clock;

    private Monitoring(ServerConfig config, SearchBackend backend, AccessLog accessLog, SearchAnalytics analytics,
                       Clock clock) {
        this.config = config;
        this.clock = clock;
        this.backend = backend;
        this.metrics = new Metrics(backend);
        this.accessLog = accessLog;
        this.analytics = analytics;
        this.readiness = new Readiness(backend);
        this.adminAuth = new AdminAuth(config.admin().token(), config.limits().trustedProxy(),
                new RateLimiter(AdminAuth.FAILURES_PER_MINUTE, AdminAuth.FAILURES_BURST, nanos(clock),
                        RateLimiter.DEFAULT_MAX_CLIENTS));
        // Off until whoever fills the vectors in says otherwise (the backend says when they are ready).
        this.vectorStatus = new VectorStatus(VectorStatus.State.OFF);
    }

    /**
     * Nanoseconds on {@code clock}, for the rate limiters: the system clock's nanoTime, or a test's clock
     * that moves only when told (so limits are tested without depending on how fast the machine is).
     */
    static java.util.function.LongSupplier nanos(Clock clock) {
        if (clock.equals(Clock.systemUTC())) {
            return System::nanoTime;
        }
        return () -> clock.millis() * 1_000_000L;
    }

    /** The clock of the rate limits and analytics. */
    Clock clock() {
        return clock;
    }

    /** Where the vectors stand, shown on {@code /health}; the start-up work writes it. */
    public VectorStatus vectorStatus() {
        return vectorStatus;
    }

    /**
     * For {@code serve}: access log on standard error (off when the {@value AccessLog#LOGGER} logger is
     * silenced); analytics kept in {@code analyticsFile} when it is not null (see {@link #loadAnalytics},
     * {@link #saveAnalytics}).
     */
    public static Monitoring create(ServerConfig config, SearchBackend backend, ObjectMapper json, Path analyticsFile) {
        SearchAnalytics analytics = new SearchAnalytics(config.analytics().window(), config.analytics().capacity(),
                Clock.systemUTC(), analyticsFile, json);
        return new Monitoring(config, backend, AccessLog.of(config.analytics().logQueries(), System.err), analytics,
                Clock.systemUTC());
    }

    /** In memory only: nothing read or written on disk (tests, embedding). */
    public static Monitoring inMemory(ServerConfig config, SearchBackend backend, ObjectMapper json) {
        return new Monitoring(config, backend, AccessLog.of(config.analytics().logQueries(), System.err),
                new SearchAnalytics(config.analytics().window(), config.analytics().capacity(), Clock.systemUTC(), null, json),
                Clock.systemUTC());
    }

    /** In memory, access-log lines to {@code accessLines}, analytics on {@code clock} (tests). */
    static Monitoring forTest(ServerConfig config, SearchBackend backend, ObjectMapper json,
                              Consumer<String> accessLines, Clock clock, Path analyticsFile) {
        return new Monitoring(config, backend, new AccessLog(config.analytics().logQueries(), accessLines),
                new SearchAnalytics(config.analytics().window(), config.analytics().capacity(), clock, analyticsFile, json),
                clock);
    }

    /** Adds the routes, the per-request hook and the graceful stop to a Javalin config. */
    void install(JavalinConfig javalin) {
        this.javalin = javalin.unsafe;
        javalin.routes.get("/ready", readiness::handle);
        javalin.routes.get("/metrics", metrics::scrape);
        javalin.routes.get("/api/admin/analytics", new AnalyticsHandler(adminAuth, analytics, backend));
        new ApiDocs().install(javalin);
        javalin.requestLogger.http(this::finished);
        javalin.jetty.modifyServer(server -> {
            // On stop, connectors stop accepting first; the draining handler then waits (up to the stop
            // timeout) for requests in flight before the server goes down.
            server.setStopTimeout(config.http().drainTimeout().toMillis());
            // Inserted right under the server, above whatever other wrappers are set (in any order).
            server.insertHandler(new DrainingHandler());
        });
        javalin.events.serverStopped(this::close);
    }

    /** After each response: metrics, access log, analytics; each on its own, and none fails the request. */
    void finished(Context ctx, Float executionMs) {
        String route = routeOf(ctx, javalin);
        int status = ctx.statusCode();
        String method = KnownMethods.label(ctx.method().name()); // a closed set: labels and log fields stay bounded
        double ms = executionMs == null ? 0 : executionMs;
        SearchOutcome outcome = SearchOutcome.of(ctx);
        boolean found = outcome != null && status == 200;
        guarded(ctx, "metrics", () -> {
            metrics.request(method, route, status, ms);
            if (found) {
                metrics.outcome(outcome);
            }
        });
        guarded(ctx, "access log", () -> accessLog.write(Instant.now(), method, route, status, ms, outcome));
        if (found) {
            guarded(ctx, "analytics", () -> analytics.record(outcome, clientOf(ctx)));
        }
    }

    private static void guarded(Context ctx, String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed for {} {}", what, ctx.method(), ctx.path(), e);
        }
    }

    /**
     * The matched route template ("/api/articles/{id}"), never the raw path; also for a request a
     * before-handler answered (a 429, a 401) before it reached its route.
     */
    static String routeOf(Context ctx, JavalinState state) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        if (state != null && state.internalRouter != null) {
            ParsedEndpoint matching = state.internalRouter.findFirstHttpHandlerEntry(ctx.method(), ctx.path());
            if (matching != null) {
                return matching.endpoint.path;
            }
        }
        return ctx.statusCode() == 404 ? UNMATCHED : STATIC;
    }

    private String clientOf(Context ctx) {
        return ClientAddress.of(ctx, config.limits().trustedProxy());
    }

    /** The admin-token check, shared by every {@code /api/admin/*} endpoint. */
    public AdminAuth adminAuth() {
        return adminAuth;
    }

    /** Shutdown has begun: {@code /ready} answers 503 "draining" from now on. */
    public void drain() {
        readiness.drain();
    }

    /** Reads the analytics file of an earlier run, when one is configured and exists. */
    public void loadAnalytics() throws IOException {
        analytics.load();
    }

    /** Writes the analytics file, when one is configured. */
    public void saveAnalytics() throws IOException {
        analytics.save();
    }

    SearchAnalytics analytics() {
        return analytics;
    }

    Metrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        metrics.close();
        accessLog.close(); // the server has stopped: the last requests' lines go out before the process ends
    }
}
