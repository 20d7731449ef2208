package org.nutrisearch.cli;

import io.javalin.Javalin;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.http.App;
import org.nutrisearch.http.Monitoring;
import org.nutrisearch.http.ServerConfig;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.IndexSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.nutrisearch.index.CorpusReindexer;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.LoadingBackend;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * {@code serve}: builds the index when it is missing or older than the corpus (on OpenSearch: when the
 * aliases are missing), then serves page and API.
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

    @Mixin
    VectorOptions vectorOptions;

    @Option(names = "--search-mode", paramLabel = "MODE", defaultValue = "${env:NUTRISEARCH_SEARCH_MODE:-hybrid}",
            description = "How /api/search and /api/answer retrieve when a request names no mode: lexical, "
                    + "semantic or hybrid (lexical while vectors are not available). Env NUTRISEARCH_SEARCH_MODE. "
                    + "Default: ${DEFAULT-VALUE}.")
    String searchMode;

    /** The embedding model and vector cache once loaded, closed at shutdown. */
    private final AtomicReference<Embeddings> embeddings = new AtomicReference<>();

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:PORT:-7070}",
            description = "HTTP port (0 picks a free one). Env PORT. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "${env:NUTRISEARCH_HOST:-0.0.0.0}",
            description = "Address to listen on. Env NUTRISEARCH_HOST. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--answer-threshold", paramLabel = "X",
            defaultValue = "${env:NUTRISEARCH_ANSWER_THRESHOLD:-" + ServerConfig.DEFAULT_ANSWER_THRESHOLD + "}",
            description = "Confidence (0..1) below which /api/answer declines. Env NUTRISEARCH_ANSWER_THRESHOLD. Default: ${DEFAULT-VALUE}.")
    double answerThreshold;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN", split = ",",
            defaultValue = "${env:NUTRISEARCH_CORS_ORIGINS:-}",
            description = "Origins allowed to call the API from a browser (comma-separated). Env NUTRISEARCH_CORS_ORIGINS. Default: none.")
    List<String> corsOrigins;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "${env:NUTRISEARCH_RATE_LIMIT:-600}",
            description = "Requests per minute per client on public endpoints (0 = off). Env NUTRISEARCH_RATE_LIMIT. Default: ${DEFAULT-VALUE}.")
    int rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "${env:NUTRISEARCH_RATE_BURST:-60}",
            description = "Requests a client may send at once. Env NUTRISEARCH_RATE_BURST. Default: ${DEFAULT-VALUE}.")
    int rateBurst;

    @Option(names = "--trusted-proxy", negatable = true, defaultValue = "${env:NUTRISEARCH_TRUSTED_PROXY:-false}",
            description = "Read the client address from X-Forwarded-For (only behind a proxy you run). Env NUTRISEARCH_TRUSTED_PROXY.")
    boolean trustedProxy;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "${env:NUTRISEARCH_MAX_CONCURRENT:-256}",
            description = "Requests served at once before shedding load with 503. Env NUTRISEARCH_MAX_CONCURRENT. Default: ${DEFAULT-VALUE}.")
    int maxConcurrent;

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
        try {
            return new ServerConfig(host, port, answerThreshold, System.getenv(ADMIN_TOKEN_ENV),
                    corsOrigins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                    rateLimit, rateBurst, trustedProxy, maxConcurrent, logQueries,
                    analyticsWindow, analyticsCapacity, analyticsPersist, drainTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "serve: " + e.getMessage());
        }
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = config();
        if (searchCache < 0) {
            throw new ParameterException(spec.commandLine(), "serve: --search-cache must be >= 0, not " + searchCache);
        }
        SearchMode mode = SearchMode.fromApiName(searchMode.strip());
        if (mode == null) {
            throw new ParameterException(spec.commandLine(), "serve: --search-mode must be one of lexical, semantic, hybrid");
        }
        Services services = Services.create();
        // The server listens first, so /health answers while the index is built or opened; /ready
        // and the API answer 503 until it is loaded.
        LoadingBackend backend = new LoadingBackend();
        Monitoring monitoring = Monitoring.create(config, backend, services.json(),
                config.analyticsPersist() ? options.index.resolve(ANALYTICS_FILE) : null);
        try {
            monitoring.loadAnalytics();
        } catch (IOException | RuntimeException e) {
            System.err.println("serve: ignoring unreadable analytics file: " + e.getMessage());
        }
        // POST /api/admin/reindex answers 503 until there is an index to rebuild and switch.
        AtomicReference<CorpusReindexer> reindexer = new AtomicReference<>();
        Javalin app = App.create(backend, services.lexicon(), services.json(), config, reindexer::get, monitoring);
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            System.err.println("serve: cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            new GracefulShutdown(monitoring, app, backend, System.err).run();
            closeEmbeddings();
            stopped.countDown();
        }, "shutdown"));
        System.out.printf("NutriSearch listening on http://localhost:%d, loading the index%n", app.port());
        Integer failed = loadIndex(services, backend, reindexer, mode);
        if (failed != null) {
            return failed; // exiting runs the shutdown hook, which stops the server
        }
        System.out.printf("NutriSearch serving %d articles on http://localhost:%d%n", backend.stats().articles(), app.port());
        stopped.await();
        return 0;
    }

    /**
     * Builds the index when stale (on OpenSearch: when missing), opens it and hands it to {@code backend};
     * an exit code when that failed (an unreachable cluster included).
     */
    private Integer loadIndex(Services services, LoadingBackend backend, AtomicReference<CorpusReindexer> reindexer,
                              SearchMode mode) throws IOException {
        if (backendOptions.backend == BackendOptions.Backend.opensearch) {
            try {
                OpenSearchStartup.Opened opened = new OpenSearchStartup(services, backendOptions, options.corpus)
                        .open(System.out);
                reindexer.set(opened.reindexer());
                backend.load(opened.backend());
                return null;
            } catch (OpenSearchStartup.StartupException e) {
                System.err.println("serve: " + e.getMessage());
                return 1;
            }
        }
        CorpusManifest manifest;
        try {
            manifest = CorpusManifest.scan(options.corpus);
        } catch (CorpusException e) {
            System.err.println("serve: " + e.getMessage());
            return 1;
        }
        Optional<String> rebuild = Services.whyRebuild(manifest, options.index);
        if (rebuild.isEmpty()) {
            // Generations left by a build killed mid-way (kill -9 during a reindex) are not served: drop them.
            new IndexGenerations(options.index).removeAbandoned();
        } else {
            System.out.println("serve: building the index: " + rebuild.get());
            CorpusLoad load;
            try {
                load = services.loadCorpus(options.corpus);
            } catch (CorpusException e) {
                System.err.println("serve: " + e.getMessage());
                return 1;
            }
            if (load.articles().isEmpty()) {
                IndexReport.printProblems(System.err, load);
                System.err.println("serve: no article could be read from " + options.corpus);
                return 1;
            }
            IndexSummary summary;
            if (vectorOptions.vectors == VectorOptions.Vectors.now) {
                // Built with vectors before serving: the model is loaded now, and kept for queries.
                try {
                    embeddings.set(Embeddings.open(options.index));
                } catch (IOException | RuntimeException e) {
                    System.err.println("serve: the embedding model or vector cache cannot be opened ("
                            + e.getMessage() + "); building without vectors");
                }
            }
            try (IndexProgress progress = IndexProgress.forUnits(IndexReport.unitCount(load))) {
                Embeddings loaded = embeddings.get();
                summary = services.rebuild(load, manifest, options.index, progress,
                        loaded == null ? null : loaded.passages());
            }
            IndexReport.print(System.out, load, summary);
        }
        Path generation = new IndexGenerations(options.index).current().orElseThrow();
        LiveIndex live = LiveIndex.open(generation);
        reindexer.set(services.reindexer(options.corpus, options.index, live));
        LuceneSearchBackend opened = services.openBackend(live, mode);
        opened.cacheResults(searchCache);
        backend.load(opened);
        Services.warmUpInBackground(opened);
        if (vectorOptions.vectors != VectorOptions.Vectors.off) {
            new VectorStartup(services, options.corpus, options.index, System.out)
                    .start(opened, live, embeddings, reindexer);
        }
        return null;
    }

    private void closeEmbeddings() {
        Embeddings e = embeddings.getAndSet(null);
        if (e != null) {
            try {
                e.close();
            } catch (IOException | RuntimeException ex) {
                System.err.println("serve: closing the embedding model failed: " + ex.getMessage());
            }
        }
    }
}
