package org.nutrisearch.http;

import org.nutrisearch.answer.AnswerPolicy;
import org.nutrisearch.index.VectorTiming;
import org.nutrisearch.search.SearchMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the running service can be told, read in one place ({@code serve}'s options, then environment
 * variables, then defaults) and handed to the parts that use it, one group each. A new group of settings
 * (a backend's cluster, say) is one more record here.
 *
 * @param http      where and how the service listens
 * @param limits    what one client, and all together, may ask at once
 * @param admin     the admin endpoints' bearer token
 * @param analytics what is recorded of the queries people type
 * @param index     the corpus, the index and how it is searched
 * @param vectors   unit embeddings for semantic and hybrid search
 * @param answers   when /api/answer answers
 */
public record ServerConfig(Http http, Limits limits, Admin admin, Analytics analytics, Index index, Vectors vectors,
                           Answers answers) {

    /** Analytics look back a day unless told otherwise. */
    public static final Duration DEFAULT_ANALYTICS_WINDOW = Duration.ofHours(24);
    public static final int DEFAULT_ANALYTICS_CAPACITY = 1000;
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_CONCURRENT = 256;
    /** Chosen from the judged chatbot set (see docs/answer.md); the answer policy owns the value. */
    public static final double DEFAULT_ANSWER_THRESHOLD = AnswerPolicy.DEFAULT_THRESHOLD;

    public ServerConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(analytics, "analytics");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(answers, "answers");
    }

    /**
     * Where and how the service listens.
     *
     * @param host         address to listen on
     * @param port         HTTP port (0 = any free port)
     * @param corsOrigins  origins allowed to call the API from a browser; empty = none
     * @param drainTimeout how long a shutdown waits for requests in flight
     */
    public record Http(String host, int port, List<String> corsOrigins, Duration drainTimeout) {
        public Http {
            corsOrigins = List.copyOf(corsOrigins);
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be empty");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535");
            }
            if (drainTimeout == null || drainTimeout.isNegative() || drainTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("drain timeout must be between 0s and 10m");
            }
        }
    }

    /**
     * What one client, and all clients together, may ask at once. A client is its connection's address,
     * or behind a trusted proxy the address the proxy saw.
     *
     * @param rateLimitPerMinute     requests per minute per client on the public API; 0 = no limit
     * @param rateLimitBurst         requests a client may send at once before the rate applies
     * @param trustedProxy           when true, the client address is read from X-Forwarded-For
     * @param maxConcurrent          requests served at once; beyond it (plus a short queue) 503
     * @param maxConcurrentPerClient requests of one client served at once; beyond it 503 for that client only
     * @param maxComputing           answers worked out at once, the others waiting their turn;
     *                               0 = no bound
     */
    public record Limits(int rateLimitPerMinute, int rateLimitBurst, boolean trustedProxy, int maxConcurrent,
                         int maxConcurrentPerClient, int maxComputing) {
        public Limits {
            if (rateLimitPerMinute < 0 || rateLimitBurst < 0) {
                throw new IllegalArgumentException("rate limits must not be negative");
            }
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("max concurrent requests must be at least 1");
            }
            if (maxConcurrentPerClient < 1 || maxConcurrentPerClient > maxConcurrent) {
                throw new IllegalArgumentException("max concurrent requests per client must be between 1 and "
                        + "max concurrent requests (" + maxConcurrent + ")");
            }
            if (maxComputing < 0) {
                throw new IllegalArgumentException("max computing requests must be 0 (no bound) or more");
            }
        }

        /**
         * Half the service per client: one address alone (a chatbot backend, a proxy) can use far more than two
         * cores serve, while slow clients from one address can never hold every slot.
         */
        public static int defaultPerClient(int maxConcurrent) {
            return Math.max(1, maxConcurrent / 2);
        }

        /**
         * One answer worked out per core: on the embedded index it is CPU work, and more at once only
         * interleave (see {@code ComputeGate}).
         */
        public static int defaultComputing() {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** @param token bearer token for /api/admin/*; null (or blank) switches those endpoints off (404) */
    public record Admin(String token) {
        public Admin {
            if (token != null && token.isBlank()) {
                token = null;
            }
        }
    }

    /**
     * What is recorded of the queries people type (health searches are sensitive).
     *
     * @param logQueries whether access-log lines carry the query text
     * @param window     how far back search analytics look; zero keeps no analytics
     * @param capacity   distinct queries counted per table and time slice (bounds memory)
     * @param persist    whether analytics are saved to the index folder on shutdown and read at start
     */
    public record Analytics(boolean logQueries, Duration window, int capacity, boolean persist) {
        public Analytics {
            if (window == null || window.isNegative()
                    || (!window.isZero() && window.compareTo(Duration.ofMinutes(1)) < 0)
                    || window.compareTo(Duration.ofDays(31)) > 0) {
                throw new IllegalArgumentException("analytics window must be 0 (off) or between 1m and 31d");
            }
            if (capacity < 10 || capacity > 1_000_000) {
                throw new IllegalArgumentException("analytics capacity must be between 10 and 1000000");
            }
        }
    }

    /**
     * The corpus, the index built from it, and how it is searched.
     *
     * @param corpus      folder (or file) of articles
     * @param root        folder of the index generations
     * @param resultCache search results kept for repeated requests (0 = none)
     * @param defaultMode mode of requests that name none
     */
    public record Index(Path corpus, Path root, int resultCache, SearchMode defaultMode) {
        public Index {
            Objects.requireNonNull(corpus, "corpus");
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(defaultMode, "defaultMode");
            if (resultCache < 0) {
                throw new IllegalArgumentException("--search-cache must be >= 0, not " + resultCache);
            }
        }
    }

    /** @param timing when the units' embeddings are computed */
    public record Vectors(VectorTiming timing) {
        public Vectors {
            Objects.requireNonNull(timing, "timing");
        }
    }

    /** @param policy when the answer endpoint answers and when it declines */
    public record Answers(AnswerPolicy policy) {
        public Answers {
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** Defaults for tests and embedding: loopback, any free port, no admin, no CORS, no rate limit. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                new Http("127.0.0.1", 0, List.of(), DEFAULT_DRAIN_TIMEOUT),
                new Limits(0, 0, false, DEFAULT_MAX_CONCURRENT, Limits.defaultPerClient(DEFAULT_MAX_CONCURRENT),
                        Limits.defaultComputing()),
                new Admin(null),
                new Analytics(false, DEFAULT_ANALYTICS_WINDOW, DEFAULT_ANALYTICS_CAPACITY, false),
                new Index(Path.of("corpus"), Path.of("index"), 1024, SearchMode.HYBRID),
                new Vectors(VectorTiming.LATER),
                new Answers(AnswerPolicy.defaults()));
    }

    public ServerConfig withHttp(Http http) {
        return new ServerConfig(http, limits, admin, analytics, index, vectors, answers);
    }

    public ServerConfig withLimits(Limits limits) {
        return new ServerConfig(http, limits, admin, analytics, index, vectors, answers);
    }

    public ServerConfig withAnalytics(Analytics analytics) {
        return new ServerConfig(http, limits, admin, analytics, index, vectors, answers);
    }

    public ServerConfig withIndex(Index index) {
        return new ServerConfig(http, limits, admin, analytics, index, vectors, answers);
    }

    public ServerConfig withVectors(VectorTiming timing) {
        return new ServerConfig(http, limits, admin, analytics, index, new Vectors(timing), answers);
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(http, limits, new Admin(token), analytics, index, vectors, answers);
    }

    public ServerConfig withAnswerThreshold(double threshold) {
        return new ServerConfig(http, limits, admin, analytics, index, vectors,
                new Answers(AnswerPolicy.withThreshold(threshold)));
    }

    public ServerConfig withLogQueries(boolean log) {
        return withAnalytics(new Analytics(log, analytics.window(), analytics.capacity(), analytics.persist()));
    }

    public ServerConfig withAnalytics(Duration window, int capacity) {
        return withAnalytics(new Analytics(analytics.logQueries(), window, capacity, analytics.persist()));
    }

    public ServerConfig withDrainTimeout(Duration timeout) {
        return withHttp(new Http(http.host(), http.port(), http.corsOrigins(), timeout));
    }

    public ServerConfig withCorsOrigins(List<String> origins) {
        return withHttp(new Http(http.host(), http.port(), origins, http.drainTimeout()));
    }

    public ServerConfig withRateLimit(int perMinute, int burst) {
        return withLimits(new Limits(perMinute, burst, limits.trustedProxy(), limits.maxConcurrent(),
                limits.maxConcurrentPerClient(), limits.maxComputing()));
    }

    public ServerConfig withTrustedProxy(boolean trusted) {
        return withLimits(new Limits(limits.rateLimitPerMinute(), limits.rateLimitBurst(), trusted,
                limits.maxConcurrent(), limits.maxConcurrentPerClient(), limits.maxComputing()));
    }

    /** Serves {@code max} requests at once, half of them at most from one client. */
    public ServerConfig withMaxConcurrent(int max) {
        return withLimits(new Limits(limits.rateLimitPerMinute(), limits.rateLimitBurst(), limits.trustedProxy(), max,
                Limits.defaultPerClient(max), limits.maxComputing()));
    }
}
