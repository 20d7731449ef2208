package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.opensearch.BackgroundRebuild;
import org.nutrisearch.opensearch.OpenSearchBackend;
import org.nutrisearch.opensearch.OpenSearchConnection;
import org.nutrisearch.opensearch.OpenSearchCorpusIndexer;
import org.nutrisearch.opensearch.OpenSearchReindexer;
import org.nutrisearch.opensearch.OpenSearchTestCluster;
import org.nutrisearch.opensearch.SharedOpenSearch;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cat.shards.ShardsRecord;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.SearchRequest;

/**
 * The service on the OpenSearch backend when the cluster misbehaves, seen over HTTP: unreachable (503
 * with a retry hint, then answers again by itself), back without its indexes (rebuilt in the
 * background), reindexed through {@code POST /api/admin/reindex} under continuous queries, and a node stopped mid-run with a replica (no
 * request fails, no answer is partial). The node stop comes last: the shared cluster keeps two nodes.
 */
@Tag("integration")
@Tag("opensearch")
@ExtendWith({SharedOpenSearch.class, TestBackends.Extension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchResilienceApiTest {

    private static final String TOKEN = "resilience-admin-token";

    /** Units with "magnesium" in the bundled articles, on either backend. */
    private static final String QUERY = "/api/search?q=magnesium&limit=3";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Javalin serve(OpenSearchBackend backend) {
        return App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults()).start(0);
    }

    private static HttpResponse<String> get(Javalin app, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return FixtureIndex.json().readTree(response.body());
    }

    /** The total the embedded index answers for {@link #QUERY}, from the bundled articles. */
    private static long expectedTotal(TestBackends backends) {
        return backends.bundled(ApiBackend.LUCENE).search(org.nutrisearch.search.SearchRequest.of("magnesium")).total();
    }

    @Test
    @Order(1)
    void unreachableClusterGives503WithRetryAfterAndTheServiceRecoversByItself(OpenSearchTestCluster cluster)
            throws Exception {
        List<Article> articles = TestBackends.bundledArticles();
        try (OpenSearchConnection direct = OpenSearchConnection.open(cluster.liveUrls())) {
            TestBackends.corpusIndexer(direct, "outage").index(articles);
        }
        try (TcpProxy proxy = new TcpProxy(cluster.liveUrls().get(0));
             OpenSearchBackend backend = TestBackends.openSearchBackend(
                     OpenSearchConnection.open(List.of(proxy.url())), "outage", () -> { })) {
            Javalin app = serve(backend);
            try {
                assertEquals(200, get(app, QUERY).statusCode());

                proxy.cut();
                for (String path : List.of(QUERY, "/api/articles", "/api/articles/calf-muscle-pain-deficiency",
                        "/api/nutrients", "/api/answer?q=what+causes+leg+cramps", "/api/suggest?q=mag", "/ready")) {
                    HttpResponse<String> down = get(app, path);
                    assertEquals(503, down.statusCode(), path);
                    assertEquals("5", down.headers().firstValue("Retry-After").orElse(null), path);
                    assertTrue(down.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
                    JsonNode error = json(down).get("error");
                    assertEquals(503, error.get("status").asInt());
                    assertEquals("backend_unavailable", error.get("code").asText());
                    assertEquals("the search backend is not reachable right now; retry shortly",
                            error.get("message").asText());
                }

                // The process is up: liveness stays 200, with no counts while the cluster is away.
                HttpResponse<String> health = get(app, "/health");
                assertEquals(200, health.statusCode());
                assertEquals("{\"status\":\"ok\",\"articles\":0,\"units\":0,\"vectors\":false,\"defaultMode\":\"lexical\","
                    + "\"vectorStatus\":{\"state\":\"off\",\"done\":null,\"total\":null,\"unitsPerSecond\":null,\"secondsLeft\":null}}", health.body());

                proxy.restore();
                HttpResponse<String> back = get(app, QUERY);
                assertEquals(200, back.statusCode(), back.body());
                assertEquals(3, json(back).get("results").size());
                assertEquals("{\"status\":\"ok\",\"articles\":5,\"units\":138,\"vectors\":false,\"defaultMode\":\"lexical\","
                    + "\"vectorStatus\":{\"state\":\"off\",\"done\":null,\"total\":null,\"unitsPerSecond\":null,\"secondsLeft\":null}}", get(app, "/health").body());
            } finally {
                app.stop();
            }
        }
    }

    @Test
    @Order(2)
    void indexesLostOnTheClusterAreRebuiltInTheBackground(OpenSearchTestCluster cluster, TestBackends backends)
            throws Exception {
        List<Article> articles = TestBackends.bundledArticles();
        try (OpenSearchConnection connection = OpenSearchConnection.open(cluster.liveUrls())) {
            OpenSearchCorpusIndexer indexer = TestBackends.corpusIndexer(connection, "lost");
            indexer.index(articles);
            try (BackgroundRebuild rebuild = new BackgroundRebuild(() -> indexer.index(articles), Duration.ofSeconds(30));
                 OpenSearchBackend backend = TestBackends.openSearchBackend(
                         OpenSearchConnection.open(cluster.liveUrls()), "lost", rebuild)) {
                Javalin app = serve(backend);
                try {
                    assertEquals(200, get(app, QUERY).statusCode());
                    // The cluster loses its data: both indexes behind the aliases are gone.
                    connection.client().indices().delete(d -> d.index("lost-*"));

                    HttpResponse<String> missing = get(app, QUERY);
                    assertEquals(503, missing.statusCode());
                    assertEquals("5", missing.headers().firstValue("Retry-After").orElse(null));
                    assertEquals(1, rebuild.started());

                    HttpResponse<String> answer = missing;
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (answer.statusCode() == 503 && System.nanoTime() < deadline) {
                        Thread.sleep(250);
                        answer = get(app, QUERY);
                    }
                    assertEquals(200, answer.statusCode(), answer.body());
                    assertEquals(expectedTotal(backends), json(answer).get("total").asLong());
                    assertEquals(1, rebuild.started(), "one rebuild, however many requests found the index missing");
                    assertEquals(5, json(get(app, "/api/articles")).get("total").asInt());
                } finally {
                    app.stop();
                }
            }
        }
    }

    @Test
    @Order(3)
    void adminReindexUnderContinuousQueriesNeverFailsOrChangesAnAnswer(OpenSearchTestCluster cluster,
                                                                       TestBackends backends) throws Exception {
        List<Article> articles = TestBackends.bundledArticles();
        long total = expectedTotal(backends);
        try (OpenSearchConnection connection = OpenSearchConnection.open(cluster.liveUrls());
             OpenSearchBackend backend = TestBackends.openSearchBackend(
                     OpenSearchConnection.open(cluster.liveUrls()), "reindexed", () -> { })) {
            OpenSearchCorpusIndexer indexer = TestBackends.corpusIndexer(connection, "reindexed");
            indexer.index(articles);
            Set<String> first = indexesBehind(connection, "reindexed");
            OpenSearchReindexer reindexer = new OpenSearchReindexer(Path.of("corpus"), new CorpusLoader(), indexer);
            Javalin app = App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(),
                    ServerConfig.defaults().withAdminToken(TOKEN), () -> reindexer).start(0);
            try (Queries queries = new Queries(app, total, 2)) {
                queries.awaitAnswers(5);
                for (int run = 0; run < 2; run++) {
                    HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + app.port() + "/api/admin/reindex"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, report.statusCode(), report.body());
                    assertEquals(5, json(report).get("articles").asInt());
                    assertEquals(backend.stats().units(), json(report).get("units").asInt());
                }
                int afterReindex = queries.answered();
                queries.awaitAnswers(afterReindex + 5);
                queries.stop();
                assertEquals(List.of(), queries.problems());
                assertTrue(queries.answered() >= afterReindex + 5, "answers after the reindex: " + queries.answered());
            } finally {
                app.stop();
            }
            Set<String> now = indexesBehind(connection, "reindexed");
            assertEquals(1, now.size());
            assertTrue(!now.equals(first), "the alias moved to a new index");
        }
    }

    @Test
    @Order(4)
    void aNodeStoppedMidRunLosesNoRequestAndNoResult(OpenSearchTestCluster cluster, TestBackends backends)
            throws Exception {
        List<Article> articles = TestBackends.bundledArticles();
        long total = expectedTotal(backends);
        try (OpenSearchConnection connection = OpenSearchConnection.open(cluster.liveUrls());
             OpenSearchBackend backend = TestBackends.openSearchBackend(
                     OpenSearchConnection.open(cluster.liveUrls()), "failover", () -> { })) {
            OpenSearchCorpusIndexer indexer = TestBackends.corpusIndexer(connection, "failover");
            indexer.index(articles);
            Map<String, Integer> before = startedCopiesByNode(connection, "failover");
            // Two shards, one replica each: four copies over three nodes, at least one on node 3.
            assertEquals(4, before.values().stream().mapToInt(Integer::intValue).sum(), before.toString());
            assertTrue(before.getOrDefault("Node 3", 0) > 0, "node 3 holds a copy: " + before);

            Javalin app = serve(backend);
            try (Queries queries = new Queries(app, total, 2)) {
                queries.awaitAnswers(5);
                cluster.stopNode(3);
                cluster.awaitHealth(2, HealthStatus.Yellow);
                int afterStop = queries.answered();
                queries.awaitAnswers(afterStop + 10);
                queries.stop();
                assertEquals(List.of(), queries.problems());
                assertTrue(queries.answered() >= afterStop + 10, "answers after the stop: " + (queries.answered() - afterStop));
            } finally {
                app.stop();
            }
            assertEquals(0, startedCopiesByNode(connection, "failover").getOrDefault("Node 3", 0));
            assertEquals(5, backend.stats().articles());
        }
    }

    private static Set<String> indexesBehind(OpenSearchConnection connection, String alias) throws Exception {
        return connection.client().indices().getAlias(a -> a.name(alias)).result().keySet();
    }

    private static Map<String, Integer> startedCopiesByNode(OpenSearchConnection connection, String alias)
            throws Exception {
        Map<String, Integer> byNode = new TreeMap<>();
        for (ShardsRecord shard : connection.client().cat().shards(s -> s.index(alias)).valueBody()) {
            if ("STARTED".equals(shard.state())) {
                byNode.merge(shard.node(), 1, Integer::sum);
            }
        }
        return byNode;
    }

    /** Threads sending {@link #QUERY} over HTTP until stopped, noting every answer that is not the full one. */
    private static final class Queries implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger answered = new AtomicInteger();
        private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        private final List<Thread> threads = new ArrayList<>();

        Queries(Javalin app, long total, int threadCount) {
            for (int i = 0; i < threadCount; i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = get(app, QUERY);
                            if (r.statusCode() != 200) {
                                problems.add(r.statusCode() + " " + r.body());
                            } else if (json(r).get("total").asLong() != total) {
                                problems.add("total " + json(r).get("total").asLong());
                            }
                            answered.incrementAndGet();
                        } catch (Exception e) {
                            problems.add(e.toString());
                        }
                    }
                }, "queries-" + i);
                t.start();
                threads.add(t);
            }
        }

        /** Waits up to 60 s until {@code count} answers came back. */
        void awaitAnswers(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (answered.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        int answered() {
            return answered.get();
        }

        List<String> problems() {
            return List.copyOf(problems);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
