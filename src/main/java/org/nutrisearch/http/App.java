package org.nutrisearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.util.function.Supplier;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.index.CorpusReindexer;
import org.nutrisearch.search.BackendUnavailableException;
import org.nutrisearch.search.IndexNotReadyException;
import org.nutrisearch.search.SearchBackend;

/** Wires the HTTP routes to their handlers; every error leaves as JSON. */
public final class App {

    /** JVM property choosing the request threads: "virtual" for virtual threads, otherwise Jetty's pool. */
    public static final String HTTP_THREADS_PROPERTY = "nutrisearch.httpThreads";

    /**
     * The gzip level of responses to clients that accept it (browsers do). Javalin's default, 6, cost
     * about 125 µs to compress a 19.5 KB page of hits, half again a lexical search's own CPU; level 1
     * costs 40–50 µs and sends 4.7 KB instead of 3.9 KB (docs/benchmarks.md, "Compression, and the figures on
     * a new machine").
     */
    static final int GZIP_LEVEL = 1;

    private App() {
    }

    /** Creates (does not start) the service over {@code backend}, with metrics and analytics in memory. */
    public static Javalin create(SearchBackend backend, NutrientLexicon lexicon, ObjectMapper json, ServerConfig config) {
        return create(backend, lexicon, json, config, null, Monitoring.inMemory(config, backend, json));
    }

    /**
     * Creates (does not start) the service; {@code reindexer}, when not null, serves
     * {@code POST /api/admin/reindex} (it may supply null while the index loads).
     */
    public static Javalin create(SearchBackend backend, NutrientLexicon lexicon, ObjectMapper json, ServerConfig config,
                                 Supplier<? extends CorpusReindexer> reindexer) {
        return create(backend, lexicon, json, config, reindexer, Monitoring.inMemory(config, backend, json));
    }

    /** Creates (does not start) the service without reindexing, with {@code monitoring} (tests, embedding). */
    public static Javalin create(SearchBackend backend, NutrientLexicon lexicon, ObjectMapper json, ServerConfig config,
                                 Monitoring monitoring) {
        return create(backend, lexicon, json, config, null, monitoring);
    }

    /**
     * Creates (does not start) the service, with {@code monitoring} for metrics, access log, analytics,
     * readiness and docs, and the admin-token check its admin endpoints share.
     */
    public static Javalin create(SearchBackend backend, NutrientLexicon lexicon, ObjectMapper json, ServerConfig config,
                                 Supplier<? extends CorpusReindexer> reindexer, Monitoring monitoring) {
        return create(backend, lexicon, json, config, reindexer, monitoring,
                AnswerService.withDefaults(backend, lexicon, config.answers().policy()));
    }

    /**
     * As {@link #create(SearchBackend, NutrientLexicon, ObjectMapper, ServerConfig, Supplier, Monitoring)},
     * answering {@code /api/answer} with {@code answers} (the composition root keeps it, to work out the
     * units' traits once the index is served).
     */
    public static Javalin create(SearchBackend backend, NutrientLexicon lexicon, ObjectMapper json, ServerConfig config,
                                 Supplier<? extends CorpusReindexer> reindexer, Monitoring monitoring,
                                 AnswerService answers) {
        AdminAuth adminAuth = monitoring.adminAuth();
        ComputeGate gate = ComputeGate.of(config.limits().maxComputing());
        SearchHandler search = new SearchHandler(backend, lexicon, json);
        SuggestHandler suggest = new SuggestHandler(backend);
        ArticlesHandler articles = new ArticlesHandler(backend);
        InfoHandlers info = new InfoHandlers(backend, monitoring.vectorStatus());
        AnswerHandler answer = new AnswerHandler(answers, backend, lexicon, json, gate);
        return Javalin.create(javalin -> {
            javalin.jsonMapper(new JavalinJackson(json, false));
            javalin.http.prefer405over404 = true;
            javalin.http.compressionStrategy = new CompressionStrategy(null, new Gzip(GZIP_LEVEL));
            javalin.startup.showJavalinBanner = false;
            // Requests run on the platform threads of Hardening's pool: virtual threads (what this line
            // chose since 2026-11-21, but Hardening's pool never used them) cost new lexical searches and
            // /health more CPU and a longer p99, and answers no less (docs/benchmarks.md, "Threading").
            // -Dnutrisearch.httpThreads=virtual brings them in, to repeat that comparison.
            javalin.concurrency.useVirtualThreads = "virtual".equals(System.getProperty(HTTP_THREADS_PROPERTY));
            javalin.staticFiles.add(PageFiles::configure);
            javalin.routes.get("/health", info::health);
            javalin.routes.get("/api/search", search);
            javalin.routes.get("/api/suggest", suggest);
            javalin.routes.get("/api/answer", answer::get);
            javalin.routes.post("/api/answer", answer::post);
            javalin.routes.get("/api/articles", articles::list);
            javalin.routes.get("/api/articles/{id}", articles::one);
            javalin.routes.get("/api/nutrients", info::nutrients);
            javalin.routes.exception(BackendUnavailableException.class, ApiErrors::unavailable);
            if (reindexer != null) {
                javalin.routes.post("/api/admin/reindex", new ReindexHandler(adminAuth, reindexer));
            }
            new Hardening(config, json, Monitoring.nanos(monitoring.clock())).install(javalin);
            monitoring.install(javalin);
            javalin.routes.exception(IndexNotReadyException.class, ApiErrors::indexNotReady);
            javalin.routes.exception(HttpResponseException.class, ApiErrors::handle);
            javalin.routes.exception(Exception.class, ApiErrors::handleUnexpected);
        });
    }
}
