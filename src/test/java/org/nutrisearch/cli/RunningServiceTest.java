package org.nutrisearch.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.http.ServerConfig;
import org.nutrisearch.index.VectorTiming;
import org.nutrisearch.search.SearchMode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * The running service's stop (what SIGTERM runs): a search in flight is answered, new connections are
 * refused, analytics saved, the index closed, in the one order the service is taken down.
 */
@Tag("integration")
class RunningServiceTest {

    @TempDir
    Path dir;

    /** The real backend, with searches held until the test lets them go. */
    static final class HeldBackend implements SearchBackend {
        final LuceneSearchBackend real;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean closed;

        HeldBackend(LuceneSearchBackend real) {
            this.real = real;
        }

        @Override
        public SearchResult search(SearchRequest request) {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.search(request);
        }

        @Override
        public Optional<Article> article(String id) {
            return real.article(id);
        }

        @Override
        public List<ArticleInfo> articles() {
            return real.articles();
        }

        @Override
        public List<Facets.NutrientCount> nutrients() {
            return real.nutrients();
        }

        @Override
        public IndexStats stats() {
            return real.stats();
        }

        @Override
        public void close() {
            real.close();
            closed = true;
        }
    }

    private ServerConfig config(Path corpus, Path index) {
        // A drain longer than the test can take: the service must wait for the held search, not give up on it.
        return ServerConfig.defaults()
                .withIndex(new ServerConfig.Index(corpus, index, 0, SearchMode.LEXICAL))
                .withVectors(VectorTiming.OFF)
                .withAnalytics(new ServerConfig.Analytics(false, ServerConfig.DEFAULT_ANALYTICS_WINDOW,
                        ServerConfig.DEFAULT_ANALYTICS_CAPACITY, true))
                .withDrainTimeout(Duration.ofMinutes(2));
    }

    private static void awaitReady(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready");
    }

    @Test
    void aSearchInFlightIsAnsweredThenTheIndexClosesAndTheExitCodeIs0() throws Exception {
        Path index = dir.resolve("index");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        RunningService service = new RunningService(config(Path.of("corpus"), index), new BackendOptions(),
                Services.create(), new PrintStream(out, true), new PrintStream(errors, true));
        HeldBackend[] held = new HeldBackend[1];
        service.serveAs = b -> held[0] = new HeldBackend((LuceneSearchBackend) b);
        assertTrue(service.start());
        int port = service.port();
        String base = "http://127.0.0.1:" + port;
        awaitReady(base);
        HeldBackend backend = held[0];
        HttpClient http = HttpClient.newHttpClient();

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/api/search?q=iron")).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(backend.entered.await(30, TimeUnit.SECONDS), "the search reached the backend");

        Thread shutdown = Thread.ofPlatform().start(() -> service.stop(0));

        // Once shutdown has begun, a new connection is not served (refused, or left unanswered) …
        boolean refused = false;
        for (int i = 0; i < 200 && !refused; i++) {
            try {
                HttpResponse<String> late = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                refused = late.statusCode() == 503;
            } catch (IOException e) {
                refused = true;
            }
            if (!refused) {
                Thread.sleep(50);
            }
        }
        assertTrue(refused, "new requests are refused while draining");
        // … while the one in flight keeps the server (and the index) open.
        assertTrue(shutdown.isAlive(), "stop waits for the request in flight");
        assertFalse(backend.closed);

        backend.release.countDown();
        HttpResponse<String> answered = inFlight.get(60, TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode());
        assertTrue(answered.body().contains("\"query\":\"iron\""), answered.body());
        shutdown.join(60_000);
        assertFalse(shutdown.isAlive());
        assertEquals(0, service.awaitExit());
        assertTrue(backend.closed, "the index is closed");
        assertEquals("", errors.toString());
        assertTrue(Files.readString(index.resolve(ServeCommand.ANALYTICS_FILE)).contains("\"iron\""),
                "the search in flight was counted and saved");
        String said = out.toString();
        assertTrue(said.startsWith("NutriSearch listening on http://127.0.0.1:" + port + "; loading the index\n"), said);
        assertTrue(said.contains("index: serving 5 articles, 138 units from "), said);
    }

    @Test
    void theServiceIsTakenDownInTheReverseOrderOfStartUp() {
        RunningService service = new RunningService(config(Path.of("corpus"), dir.resolve("index")),
                new BackendOptions(), Services.create(), System.out, System.err);
        try {
            assertTrue(service.start());
            assertEquals(List.of("report draining on /ready", "stop accepting and drain the requests in flight",
                    "save analytics", "stop index and embedding work", "close the index", "release the embedding model"),
                    service.shutdownSequence().steps());
        } finally {
            service.stop(0);
        }
    }
}
