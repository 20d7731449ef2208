package org.nutrisearch.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import org.nutrisearch.index.IndexBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.SearchBackend;

/**
 * The service's Prometheus metrics ({@code GET /metrics}): requests by route and status with latency
 * buckets, search result counts, searches that found nothing, answer confidence and outcomes, index
 * size and age, JVM memory, GC and threads. One registry per app, no global state.
 */
final class Metrics implements AutoCloseable {

    /** Latency buckets: the interesting range of a search is milliseconds to a second. */
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};
    /** Result buckets; searches with none are counted apart (zero is not a valid bucket bound). */
    private static final double[] RESULT_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000};
    private static final double[] CONFIDENCE_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /**
     * Each request's timer, registered once: building and registering it again on every request (its
     * tags, its latency buckets) cost more than recording into it.
     */
    private final Map<RequestLabels, Timer> requestTimers = new ConcurrentHashMap<>();
    /** Per endpoint ("search", "answer") and per answer outcome: bounded label sets, like the timers'. */
    private final Map<String, DistributionSummary> resultCounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> zeroResults = new ConcurrentHashMap<>();
    private final Map<String, Counter> answers = new ConcurrentHashMap<>();
    /** Registered at the first answer with a confidence (a scrape shows no empty summary before). */
    private volatile DistributionSummary answerConfidence;

    Metrics(SearchBackend backend) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        bindIndex(backend);
    }

    private void bindIndex(SearchBackend backend) {
        Gauge.builder("nutrisearch.index.ready", backend, b -> b.ready() ? 1 : 0)
                .description("1 when the index is loaded and searchable").register(registry);
        Gauge.builder("nutrisearch.index.articles", backend, b -> statsOf(b).map(IndexStats::articles).orElse(-1))
                .description("articles in the served index (-1 while loading)").register(registry);
        Gauge.builder("nutrisearch.index.units", backend, b -> statsOf(b).map(IndexStats::units).orElse(-1))
                .description("searchable units in the served index (-1 while loading)").register(registry);
        Gauge.builder("nutrisearch.index.size", backend, Metrics::sizeOnDisk).baseUnit("bytes")
                .description("size of the served index generation on disk").register(registry);
        Gauge.builder("nutrisearch.index.last.reindex.timestamp", backend, Metrics::committedAt).baseUnit("seconds")
                .description("when the served index was built (Unix time of its commit)").register(registry);
    }

    private static Optional<IndexStats> statsOf(SearchBackend backend) {
        if (!backend.ready()) {
            return Optional.empty();
        }
        try {
            return Optional.of(backend.stats());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double sizeOnDisk(SearchBackend backend) {
        Optional<Path> dir = backend.indexDir();
        if (dir.isEmpty()) {
            return Double.NaN;
        }
        try {
            return IndexBuilder.sizeOf(dir.get());
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN; // a generation deleted between lookup and walk: the next scrape sees the new one
        }
    }

    /** The newest commit point's modification time: when the generation was written. */
    private static double committedAt(SearchBackend backend) {
        Optional<Path> dir = backend.indexDir();
        if (dir.isEmpty()) {
            return Double.NaN;
        }
        try (Stream<Path> files = Files.list(dir.get())) {
            return files.filter(p -> p.getFileName().toString().startsWith("segments_"))
                    .map(Metrics::modified)
                    .max(FileTime::compareTo)
                    .map(t -> t.toMillis() / 1000.0)
                    .orElse(Double.NaN);
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts a finished request under its route template (never the raw path: ids would explode the series). */
    void request(String method, String route, int status, double durationMs) {
        requestTimers.computeIfAbsent(new RequestLabels(method, route, status), labels -> Timer.builder("http.server.requests")
                        .description("HTTP requests by route template and status")
                        .tags("method", labels.method(), "route", labels.route(), "status", Integer.toString(labels.status()))
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .register(registry))
                .record((long) (durationMs * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** The labels of one request timer (a bounded set: known methods, route templates, statuses). */
    private record RequestLabels(String method, String route, int status) {
    }

    /** Counts what a search or answer found (each meter built and registered once, then looked up). */
    void outcome(SearchOutcome outcome) {
        resultCounts.computeIfAbsent(outcome.endpoint(), endpoint -> DistributionSummary.builder("nutrisearch.search.results")
                        .description("results per search (units) or answer (candidates)")
                        .tag("endpoint", endpoint)
                        .serviceLevelObjectives(RESULT_BUCKETS)
                        .register(registry))
                .record(outcome.results());
        if (outcome.results() == 0) {
            zeroResults.computeIfAbsent(outcome.endpoint(), endpoint -> Counter.builder("nutrisearch.search.zero.results")
                            .description("searches and questions that matched nothing")
                            .tag("endpoint", endpoint)
                            .register(registry))
                    .increment();
        }
        if (SearchOutcome.ANSWER.equals(outcome.endpoint())) {
            answers.computeIfAbsent(outcome.declined() ? outcome.declineReason() : "answered",
                            label -> Counter.builder("nutrisearch.answers")
                                    .description("questions by outcome: answered or the reason for declining")
                                    .tag("outcome", label)
                                    .register(registry))
                    .increment();
            if (outcome.confidence() != null) {
                answerConfidence().record(outcome.confidence());
            }
        }
    }

    private DistributionSummary answerConfidence() {
        DistributionSummary summary = answerConfidence;
        if (summary == null) {
            // Registering twice under a race returns the one meter the registry holds.
            summary = DistributionSummary.builder("nutrisearch.answer.confidence")
                    .description("confidence of the best answer candidate (0..1)")
                    .serviceLevelObjectives(CONFIDENCE_BUCKETS)
                    .register(registry);
            answerConfidence = summary;
        }
        return summary;
    }

    /** {@code GET /metrics}: the Prometheus text format, or OpenMetrics when the scraper asks for it. */
    void scrape(Context ctx) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(ctx.header("Accept"));
        ctx.contentType(writer.getContentType());
        ctx.header("Cache-Control", "no-store");
        registry.scrape(ctx.outputStream(), writer.getContentType());
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
