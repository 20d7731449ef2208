package org.nutrisearch.cli;

import io.javalin.Javalin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.http.App;
import org.nutrisearch.http.CorpusFixture;
import org.nutrisearch.http.Monitoring;
import org.nutrisearch.http.ServerConfig;
import org.nutrisearch.nutrients.NutrientLexicon;

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

/** SIGTERM's sequence: a search in flight is answered, new requests are refused, analytics saved, the index closed. */
@Tag("integration")
class GracefulShutdownTest {

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

    @Test
    void aSearchInFlightIsAnsweredBeforeTheIndexCloses() throws Exception {
        HeldBackend backend = new HeldBackend(CorpusFixture.openBundled(dir.resolve("index")));
        // Longer than the test can take: the server must wait for the held search, not give up on it.
        ServerConfig config = ServerConfig.defaults().withDrainTimeout(Duration.ofMinutes(2));
        Path analyticsFile = dir.resolve("index").resolve(ServeCommand.ANALYTICS_FILE);
        Monitoring monitoring = Monitoring.create(config, backend, Services.create().json(), analyticsFile);
        Javalin app = App.create(backend, NutrientLexicon.loadDefault(), Services.create().json(), config, monitoring)
                .start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        HttpClient http = HttpClient.newHttpClient();

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/api/search?q=iron")).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(backend.entered.await(30, TimeUnit.SECONDS), "the search reached the backend");

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread shutdown = new Thread(new GracefulShutdown(monitoring, app, backend, new PrintStream(errors, true)));
        shutdown.start();

        // Once shutdown has begun, a new request is not served (connection refused or left unanswered, or 503) …
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
        shutdown.join(30_000);
        assertFalse(shutdown.isAlive());
        assertTrue(backend.closed, "the index is closed last");
        assertEquals("", errors.toString());
        assertTrue(Files.readString(analyticsFile).contains("\"iron\""), "the search in flight was counted and saved");
    }
}
