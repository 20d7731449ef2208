package org.nutrisearch.cli;

import io.javalin.Javalin;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.http.App;
import org.nutrisearch.http.Monitoring;
import org.nutrisearch.http.ServerConfig;
import org.nutrisearch.index.CorpusReindexer;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.index.Reindexer;
import org.nutrisearch.index.StopSignal;
import org.nutrisearch.index.VectorStatus;
import org.nutrisearch.index.VectorTiming;
import org.nutrisearch.search.LoadingBackend;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The running service, built in one place and taken down in the reverse order. Start-up: configuration,
 * then the HTTP server listening at once (so {@code /health} answers), then, on a background thread, the
 * index (opened, or built when the corpus changed), the search backend over it, and the embedding model with
 * the vectors filled in behind. {@link #stop}: {@code /ready} says draining, the server stops accepting and
 * lets requests in flight finish (up to the drain timeout), analytics are saved, index and embedding work is
 * stopped and waited for, the index is closed, and the model is released last, when nothing runs in it.
 * Whoever opens a resource here closes it here.
 */
final class RunningService {

    /** How long a stop waits for background work (it stops within one unit, or one chunk of embeddings). */
    static final Duration WORK_WAIT = Duration.ofSeconds(30);
    /** Skipped inputs listed at start-up (all are counted): start-up says what matters in a few lines. */
    static final int STARTUP_PROBLEMS_LISTED = 10;
    /**
     * How long after the index is served the work done only for later requests (the suggestions, the answers'
     * unit traits) waits for a first search before it starts anyway.
     */
    static final Duration STARTUP_WORK_DELAY = Duration.ofSeconds(3);

    private final ServerConfig config;
    private final BackendOptions backendOptions;
    private final Services services;
    private final PrintStream out;
    private final PrintStream err;
    private final BackgroundWork work = new BackgroundWork();
    private final LoadingBackend backend = new LoadingBackend();
    /** POST /api/admin/reindex answers 503 until there is an index to rebuild and switch. */
    private final AtomicReference<CorpusReindexer> reindexer = new AtomicReference<>();
    /** The embedding model and vector cache once loaded; released last. */
    private final AtomicReference<Embeddings> embeddings = new AtomicReference<>();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /**
     * Completed when the first search has been answered, {@link #STARTUP_WORK_DELAY} after the index is served,
     * or at a stop: building the suggestions and the answers' unit traits waits for it. On two cores they took
     * as much CPU as the first search at 200 000 units, beside it; requests meanwhile build what they need
     * on first use, as they did before.
     */
    private final CompletableFuture<Void> firstSearchOrDelay = new CompletableFuture<>();
    /** Completed with true once the server listens, false when it could not (or a stop came first). */
    private final CompletableFuture<Boolean> listening = new CompletableFuture<>();
    private Monitoring monitoring;
    private Javalin app;
    /** The answers {@code /api/answer} gives, kept to work out the units' traits once the index is served. */
    private AnswerService answers;
    /** Wraps the backend before it is served: tests hold searches with it; the service itself serves it as is. */
    UnaryOperator<SearchBackend> serveAs = UnaryOperator.identity();
    /** {@link #STARTUP_WORK_DELAY}; tests lengthen it to see what happens before the first search. */
    Duration startupWorkDelay = STARTUP_WORK_DELAY;

    /** The service as configured; nothing is opened until {@link #start}. */
    RunningService(ServerConfig config, BackendOptions backendOptions, Services services, PrintStream out,
                   PrintStream err) {
        this.config = config;
        this.backendOptions = backendOptions;
        this.services = services;
        this.out = out;
        this.err = err;
    }

    /**
     * Listens on the configured address, then opens or builds the index behind it; false (after saying why
     * on {@code err}) when the server cannot listen, or when the service was stopped before it started.
     */
    synchronized boolean start() {
        if (stopping.get()) {
            return false;
        }
        ServerConfig.Index index = config.index();
        monitoring = Monitoring.create(config, backend, services.json(),
                config.analytics().persist() ? index.root().resolve(ServeCommand.ANALYTICS_FILE) : null);
        try {
            monitoring.loadAnalytics();
        } catch (IOException | RuntimeException e) {
            err.println("serve: ignoring unreadable analytics file: " + e.getMessage());
        }
        answers = AnswerService.withDefaults(backend, services.lexicon(), config.answers().policy());
        // The index is opened beside the server's start (the two cores do both at once); it is served, and says
        // so, only once the server listens.
        work.start("index", this::loadIndex);
        app = App.create(backend, services.lexicon(), services.json(), config, this::adminReindexer, monitoring, answers);
        ServerConfig.Http http = config.http();
        try {
            app.start(http.host(), http.port());
        } catch (RuntimeException e) {
            err.println("serve: cannot listen on " + http.host() + ":" + http.port() + ": " + e.getMessage());
            listening.complete(false);
            firstSearchOrDelay.complete(null);
            work.stopAndWait(WORK_WAIT);
            monitoring.close();
            app = null;
            exitCode.complete(1);
            return false;
        }
        out.println("NutriSearch listening on " + address() + (http.host().equals("0.0.0.0") ? " (every interface)" : "")
                + "; loading the index");
        listening.complete(true);
        return true;
    }

    /**
     * Waits until the server listens (or could not); false when it could not or the service is stopping: the
     * index work then ends without serving or saying anything.
     */
    private boolean awaitListening() {
        return listening.join() && !stopping.get();
    }

    /** The address to type into a browser. */
    String address() {
        String host = config.http().host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port();
    }

    int port() {
        return app.port();
    }

    /** Whether a stop has begun. */
    boolean stopping() {
        return stopping.get();
    }

    /** Waits until the service has stopped; its exit code. */
    int awaitExit() {
        return exitCode.join();
    }

    /** Opens or builds the index and serves it; a failure stops the service with exit code 1. */
    private void loadIndex() {
        try {
            if (backendOptions.backend == BackendOptions.Backend.opensearch) {
                if (awaitListening()) {
                    loadOpenSearch();
                }
                return;
            }
            if (loadLuceneIndex()) {
                firstSearchOrDelay.join();
                if (!stopping.get()) {
                    warmUpAnswers();
                }
            }
        } catch (StopSignal.Stopped e) {
            // The service is stopping: what was being built is dropped, the served index (if any) is kept.
        } catch (OpenSearchStartup.StartupException | CorpusException | IOException | RuntimeException e) {
            // Said after the server's own line, and not at all when it could not listen.
            if (awaitListening()) {
                err.println("serve: " + e.getMessage());
                stop(1);
            }
        }
    }

    /**
     * The reindexer {@code POST /api/admin/reindex} runs (null until the index is served): once it has
     * switched to the new generation, the answers' traits of its units are worked out in the background,
     * as at start-up, instead of by the questions that meet them first (the embedded index; on OpenSearch
     * they are worked out on first meeting, as at start-up).
     */
    private CorpusReindexer adminReindexer() {
        CorpusReindexer r = reindexer.get();
        if (!(r instanceof Reindexer)) {
            return r;
        }
        return () -> {
            Reindexer.Report report = r.reindex();
            if (!stopping.get()) {
                work.start("answers-warm-up", this::warmUpAnswers);
            }
            return report;
        };
    }

    /**
     * Works out the traits of every served unit for the answers ({@link AnswerService#warmUp}), once the
     * index is served with its vectors (a switch to a generation with vectors would drop them); a failure
     * only leaves them to be worked out on first meeting.
     */
    private void warmUpAnswers() {
        long start = System.nanoTime();
        try {
            int units = answers.warmUp(() -> stopping.get());
            out.printf(Locale.ROOT, "answers: traits of %d units worked out in %.1f s%n", units,
                    (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            if (!stopping.get()) {
                err.println("serve: working out the units' traits for answers failed (they are worked out on first"
                        + " use): " + e);
            }
        }
    }

    /**
     * On OpenSearch the model is loaded once the cluster answered, before a build (units are embedded while
     * indexing, --vectors later as now), and kept for queries; without it everything is lexical.
     */
    private void loadOpenSearch() throws OpenSearchStartup.StartupException {
        ServerConfig.Index index = config.index();
        VectorStatus vectorStatus = monitoring.vectorStatus();
        Supplier<Embeddings> model = () -> {
            if (config.vectors().timing() == VectorTiming.OFF) {
                return null;
            }
            vectorStatus.set(VectorStatus.State.LOADING_MODEL);
            try {
                embeddings.set(Embeddings.open(index.root()));
            } catch (IOException | RuntimeException e) {
                vectorStatus.set(VectorStatus.State.UNAVAILABLE);
                err.println("serve: the embedding model or vector cache cannot be opened (" + e.getMessage()
                        + "); searching lexically");
            }
            return embeddings.get();
        };
        OpenSearchStartup.Opened opened = new OpenSearchStartup(services, backendOptions, index.corpus(), model)
                .open(out, index.defaultMode());
        reindexer.set(opened.reindexer());
        backend.load(serveAs.apply(opened.backend()));
        if (vectorStatus.state() == VectorStatus.State.LOADING_MODEL) {
            vectorStatus.set(opened.backend().vectorsAvailable() ? VectorStatus.State.READY : VectorStatus.State.UNAVAILABLE);
        }
    }

    /** Opens (or builds) and serves the index; false when the server could not listen or a stop came first. */
    private boolean loadLuceneIndex() throws IOException, CorpusException {
        ServerConfig.Index index = config.index();
        VectorTiming timing = config.vectors().timing();
        VectorStatus vectorStatus = monitoring.vectorStatus();
        StopSignal stop = work.signal();
        IndexGenerations generations = new IndexGenerations(index.root());
        Optional<Path> served = generations.current();
        Map<String, CorpusManifest.Stamp> stamps = served.map(generations::stamps).orElse(Map.of());
        // Files whose stamps are those of the last check are not read again (the corpus can be hundreds of MB).
        CorpusManifest.Scanned scanned = CorpusManifest.scan(index.corpus(),
                served.flatMap(generations::manifest).orElse(new CorpusManifest(List.of())), stamps);
        CorpusManifest manifest = scanned.manifest();
        Optional<String> rebuild = Services.whyRebuild(manifest, index.root());
        if (rebuild.isEmpty()) {
            // Generations left by a build killed mid-way (kill -9 during a reindex) are not served: drop them.
            generations.removeAbandoned();
            if (!scanned.stamps().equals(stamps)) {
                try {
                    generations.storeStamps(served.orElseThrow(), scanned.stamps());
                } catch (IOException e) {
                    // The next start reads the corpus again, as it always did.
                }
            }
        } else {
            if (!awaitListening()) {
                return false;
            }
            out.println("index: building from " + index.corpus() + " (" + rebuild.get() + ")");
            CorpusLoad load = services.loadCorpus(index.corpus());
            if (load.articles().isEmpty()) {
                IndexReport.printProblems(err, load, STARTUP_PROBLEMS_LISTED);
                throw new IOException("no article could be read from " + index.corpus());
            }
            if (timing == VectorTiming.NOW) {
                // Built with vectors before serving: the model is loaded now, and kept for queries.
                vectorStatus.set(VectorStatus.State.LOADING_MODEL);
                try {
                    embeddings.set(Embeddings.open(index.root()));
                } catch (IOException | RuntimeException e) {
                    err.println("serve: the embedding model or vector cache cannot be opened (" + e.getMessage()
                            + "); building without vectors");
                }
            }
            Embeddings loaded = embeddings.get();
            IndexSummary summary;
            try (IndexProgress progress = IndexProgress.forUnits(IndexReport.unitCount(load), out, "index")) {
                summary = services.rebuild(load, manifest, index.root(), progress,
                        loaded == null ? null : loaded.passages(), stop);
            }
            IndexReport.print(out, load, summary, STARTUP_PROBLEMS_LISTED);
        }
        stop.check();
        Path generation = generations.current().orElseThrow();
        LiveIndex live = LiveIndex.open(generation);
        LuceneSearchBackend opened = services.openBackend(live, index.defaultMode());
        try {
            // What every search reads (the spelling vocabulary: a third of a second at 200 000 units), read
            // while the server starts instead of by the first search.
            opened.prepareForSearches();
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        if (!awaitListening()) {
            opened.close();
            return false;
        }
        reindexer.set(services.reindexer(index.corpus(), index.root(), live, null, stop));
        opened.cacheResults(index.resultCache());
        backend.load(serveAs.apply(opened));
        var stats = opened.stats();
        out.printf(Locale.ROOT, "index: serving %d articles, %d units from %s%s%n", stats.articles(), stats.units(),
                generation, timing == VectorTiming.OFF ? "; vectors off (lexical search only)" : "");
        opened.firstSearchAnswered().thenRun(() -> firstSearchOrDelay.complete(null));
        firstSearchOrDelay.completeOnTimeout(null, startupWorkDelay.toMillis(), TimeUnit.MILLISECONDS);
        Thread.ofPlatform().daemon().name("suggestions-warm-up").start(() -> {
            firstSearchOrDelay.join();
            if (stopping.get()) {
                return;
            }
            try {
                opened.warmUp();
            } catch (RuntimeException e) {
                if (!stopping.get()) {
                    err.println("serve: building the suggestions failed (they are built on first use): " + e);
                }
            }
        });
        if (timing != VectorTiming.OFF) {
            new VectorStartup(services, index.corpus(), index.root(), out, vectorStatus, stop)
                    .run(opened, live, embeddings, reindexer);
        }
        return true;
    }

    /**
     * Takes the service down, in the reverse order of start-up; runs once (later calls return at once). The
     * exit code is {@code code}.
     */
    void stop(int code) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        firstSearchOrDelay.complete(null);
        listening.complete(false);
        synchronized (this) {
            // Waits for a start in progress; a start not yet begun will not begin.
        }
        try {
            shutdownSequence().run(err);
        } finally {
            exitCode.complete(code);
        }
    }

    /**
     * Stops the server once the requests in flight are answered, or the drain timeout is over. A reindex
     * is a request too and usually finishes in the drain; one that would outlast it is stopped shortly
     * before the end, so its answer (503 {@code shutting_down}, the served index kept) still reaches the
     * client before the connections close.
     */
    private void drainRequests() {
        Duration drain = config.http().drainTimeout();
        Duration margin = drain.dividedBy(10).compareTo(Duration.ofSeconds(2)) < 0 ? drain.dividedBy(10)
                : Duration.ofSeconds(2);
        Thread cutoff = Thread.ofPlatform().daemon().name("drain-cutoff").start(() -> {
            try {
                Thread.sleep(drain.minus(margin).toMillis());
                work.signal().stop();
            } catch (InterruptedException e) {
                // The drain finished first.
            }
        });
        try {
            app.stop();
        } finally {
            cutoff.interrupt();
        }
    }

    /** The one order the service is taken down in: the reverse of start-up. */
    ShutdownSequence shutdownSequence() {
        ShutdownSequence sequence = new ShutdownSequence();
        if (app != null) {
            sequence.then("report draining on /ready", monitoring::drain)
                    // Stops accepting, lets requests in flight finish (up to the drain timeout).
                    .then("stop accepting and drain the requests in flight", this::drainRequests)
                    .then("save analytics", monitoring::saveAnalytics);
        }
        return sequence
                .then("stop index and embedding work", () -> {
                    if (!work.stopAndWait(WORK_WAIT)) {
                        throw new IllegalStateException("background work did not stop within " + WORK_WAIT.toSeconds() + " s");
                    }
                    if (reindexer.get() instanceof Reindexer r && !r.awaitIdle(WORK_WAIT)) {
                        throw new IllegalStateException("a reindex did not stop within " + WORK_WAIT.toSeconds() + " s");
                    }
                })
                .then("close the index", backend::close)
                .then("release the embedding model", () -> {
                    Embeddings e = embeddings.getAndSet(null);
                    if (e != null) {
                        e.close();
                    }
                });
    }
}
