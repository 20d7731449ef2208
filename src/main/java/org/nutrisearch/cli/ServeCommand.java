package org.nutrisearch.cli;

import org.nutrisearch.answer.AnswerPolicy;
import org.nutrisearch.http.ServerConfig;
import org.nutrisearch.index.VectorTiming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * {@code serve}: reads the configuration (options, then environment, then defaults) into one
 * {@link ServerConfig} and runs the service ({@link RunningService}): it listens at once, builds the index
 * when it does not serve the corpus as it is (on OpenSearch: when the aliases are missing), and fills in the
 * vectors behind.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the search page and the JSON API (indexing first when needed).",
        footer = {"",
                "Each option is read from the command line, else from its environment variable, else its default.",
                "Environment only: NUTRISEARCH_ADMIN_TOKEN, the bearer token for /api/admin/* (unset: those endpoints are off).",
                "Query text is never logged or saved unless --log-queries / --analytics-persist say so: health searches are sensitive."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CorpusOptions options;

    @Mixin
    BackendOptions backendOptions;

    @Option(names = "--vectors", paramLabel = "WHEN", defaultValue = "${env:NUTRISEARCH_VECTORS:-later}",
            description = "Unit embeddings for semantic/hybrid search: later (serve lexically at once and fill them "
                    + "in behind, progress on /health), now (embed while building, before serving) or off. "
                    + "Env NUTRISEARCH_VECTORS. Default: ${DEFAULT-VALUE}.")
    VectorTiming vectors;

    @Option(names = "--search-mode", paramLabel = "MODE", defaultValue = "${env:NUTRISEARCH_SEARCH_MODE:-hybrid}",
            description = "How /api/search and /api/answer retrieve when a request names no mode: lexical, "
                    + "semantic or hybrid (lexical while vectors are not available). Env NUTRISEARCH_SEARCH_MODE. "
                    + "Default: ${DEFAULT-VALUE}.")
    String searchMode;

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:PORT:-7070}",
            description = "HTTP port (0 picks a free one). Env PORT. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "${env:NUTRISEARCH_HOST:-127.0.0.1}",
            description = "Address to listen on (0.0.0.0: every interface, e.g. in a container). Env NUTRISEARCH_HOST. "
                    + "Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--answer-threshold", paramLabel = "X",
            defaultValue = "${env:NUTRISEARCH_ANSWER_THRESHOLD:-" + ServerConfig.DEFAULT_ANSWER_THRESHOLD + "}",
            description = "Confidence (0..1) below which /api/answer declines. Env NUTRISEARCH_ANSWER_THRESHOLD. Default: ${DEFAULT-VALUE}.")
    double answerThreshold;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
            defaultValue = "${env:NUTRISEARCH_CORS_ORIGINS:-}",
            description = "Origins allowed to call the API from a browser (comma-separated). Env NUTRISEARCH_CORS_ORIGINS. Default: none.")
    List<String> corsOrigins;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "${env:NUTRISEARCH_RATE_LIMIT:-0}",
            description = "Requests per minute per client on the public API (0 = off; e.g. 600 for a public "
                    + "deployment, with --trusted-proxy behind a proxy). Env NUTRISEARCH_RATE_LIMIT. Default: ${DEFAULT-VALUE}.")
    int rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "${env:NUTRISEARCH_RATE_BURST:-60}",
            description = "Requests a client may send at once. Env NUTRISEARCH_RATE_BURST. Default: ${DEFAULT-VALUE}.")
    int rateBurst;

    @Option(names = "--trusted-proxy", negatable = true, defaultValue = "${env:NUTRISEARCH_TRUSTED_PROXY:-false}",
            description = "Read the client address from X-Forwarded-For (only behind a proxy you run). Env NUTRISEARCH_TRUSTED_PROXY.")
    boolean trustedProxy;

    @Option(names = "--max-concurrent", paramLabel = "N",
            defaultValue = "${env:NUTRISEARCH_MAX_CONCURRENT:-" + ServerConfig.DEFAULT_MAX_CONCURRENT + "}",
            description = "Requests served at once before shedding load with 503. Env NUTRISEARCH_MAX_CONCURRENT. Default: ${DEFAULT-VALUE}.")
    int maxConcurrent;

    @Option(names = "--max-concurrent-per-client", paramLabel = "N",
            defaultValue = "${env:NUTRISEARCH_MAX_CONCURRENT_PER_CLIENT:-0}",
            description = "Requests of one client served at once before its next ones get 429 (0 = half of "
                    + "--max-concurrent). Env NUTRISEARCH_MAX_CONCURRENT_PER_CLIENT. Default: half of --max-concurrent.")
    int maxConcurrentPerClient;

    @Option(names = "--max-computing", paramLabel = "N", defaultValue = "${env:NUTRISEARCH_MAX_COMPUTING}",
            description = "Answers worked out at once; the others wait their turn (0 = no bound). "
                    + "Env NUTRISEARCH_MAX_COMPUTING. Default: the number of cores with the embedded index, "
                    + "no bound with OpenSearch (an answer's searches wait on the cluster).")
    Integer maxComputing;

    @Option(names = "--log-queries", negatable = true, defaultValue = "${env:NUTRISEARCH_LOG_QUERIES:-false}",
            description = "Write query text into access-log lines (off by default: health searches are sensitive). Env NUTRISEARCH_LOG_QUERIES.")
    boolean logQueries;

    @Option(names = "--analytics-window", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:NUTRISEARCH_ANALYTICS_WINDOW:-24h}",
            description = "How far back search analytics look (1m..31d; 0 keeps none). Env NUTRISEARCH_ANALYTICS_WINDOW. Default: ${DEFAULT-VALUE}.")
    Duration analyticsWindow;

    @Option(names = "--analytics-capacity", paramLabel = "N",
            defaultValue = "${env:NUTRISEARCH_ANALYTICS_CAPACITY:-" + ServerConfig.DEFAULT_ANALYTICS_CAPACITY + "}",
            description = "Distinct queries counted per table and hour-slice (bounds memory). Env NUTRISEARCH_ANALYTICS_CAPACITY. Default: ${DEFAULT-VALUE}.")
    int analyticsCapacity;

    @Option(names = "--analytics-persist", negatable = true, defaultValue = "${env:NUTRISEARCH_ANALYTICS_PERSIST:-false}",
            description = "Save search analytics to <index>/" + ANALYTICS_FILE + " on shutdown and read them at start (the file holds query text). Env NUTRISEARCH_ANALYTICS_PERSIST.")
    boolean analyticsPersist;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:NUTRISEARCH_DRAIN_TIMEOUT:-20s}",
            description = "On SIGTERM, how long to wait for requests in flight (0s..10m). Env NUTRISEARCH_DRAIN_TIMEOUT. Default: ${DEFAULT-VALUE}.")
    Duration drainTimeout;

    // Performance (issue #7): kept results; 0 turns the cache off (benchmarks of uncached searches).
    @Option(names = "--search-cache", paramLabel = "N",
            defaultValue = "${env:NUTRISEARCH_SEARCH_CACHE:-" + LuceneSearchBackend.DEFAULT_CACHED_RESULTS + "}",
            description = "Search results kept for repeated requests, dropped on reindex (0 = off; embedded index only). Env NUTRISEARCH_SEARCH_CACHE. Default: ${DEFAULT-VALUE}.")
    int searchCache;

    /** The analytics file, in the index folder (beside the generations, so a reindex keeps it). */
    static final String ANALYTICS_FILE = "analytics.json";

    /** The admin token comes only from the environment, never from a command line others can read. */
    static final String ADMIN_TOKEN_ENV = "NUTRISEARCH_ADMIN_TOKEN";

    ServerConfig config() {
        SearchMode mode = SearchMode.fromApiName(searchMode.strip());
        if (mode == null) {
            throw new ParameterException(spec.commandLine(), "serve: --search-mode must be one of lexical, semantic, hybrid");
        }
        if (answerThreshold < 0 || answerThreshold > 1) {
            throw new ParameterException(spec.commandLine(), "serve: answer threshold must be between 0 and 1");
        }
        try {
            return new ServerConfig(
                    new ServerConfig.Http(host, port,
                            corsOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList(), drainTimeout),
                    new ServerConfig.Limits(rateLimit, rateBurst, trustedProxy, maxConcurrent,
                            maxConcurrentPerClient == 0 ? ServerConfig.Limits.defaultPerClient(maxConcurrent)
                                    : maxConcurrentPerClient, computing()),
                    new ServerConfig.Admin(System.getenv(ADMIN_TOKEN_ENV)),
                    new ServerConfig.Analytics(logQueries, analyticsWindow, analyticsCapacity, analyticsPersist),
                    new ServerConfig.Index(options.corpus, options.index, searchCache, mode),
                    new ServerConfig.Vectors(vectors),
                    new ServerConfig.Answers(AnswerPolicy.withThreshold(answerThreshold)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "serve: " + e.getMessage());
        }
    }

    /** {@code --max-computing}, or its default for the backend that serves. */
    private int computing() {
        if (maxComputing != null) {
            return maxComputing;
        }
        return backendOptions.backend == BackendOptions.Backend.opensearch ? 0 : ServerConfig.Limits.defaultComputing();
    }

    @Spec
    CommandSpec spec;

    /**
     * Builds the running service and serves until SIGTERM or Ctrl-C, which take it down in order (see
     * {@link RunningService}); 0 then, 1 when it could not listen or load the index.
     */
    @Override
    public Integer call() {
        RunningService service = new RunningService(config(), backendOptions, Services.create(), System.out, System.err);
        // Registered before anything is opened: a signal during start-up stops in order too.
        try (Signals.Registration signals = Signals.onTermination(() -> service.stop(0))) {
            if (!service.start() && !service.stopping()) {
                return 1;
            }
            return service.awaitExit();
        }
    }
}
