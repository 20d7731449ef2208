package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.lucene.LuceneSearchBackend;


/** Beyond the requests served at once and a short bounded queue, the service sheds load with 503 JSON. */
@Tag("integration")
class LoadSheddingTest {

    /** A thread per client request: the common pool may have a single thread on a small machine. */
    static final Executor CLIENTS = Executors.newVirtualThreadPerTaskExecutor();

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        backend = CorpusFixture.openBundled(dir);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    /** The real backend, except that a search waits until the test lets it go. */
    static final class HeldBackend implements SearchBackend {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public SearchResult search(SearchRequest request) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return backend.search(request);
        }

        @Override
        public Optional<Article> article(String id) {
            return backend.article(id);
        }

        @Override
        public List<ArticleInfo> articles() {
            return backend.articles();
        }

        @Override
        public List<Facets.NutrientCount> nutrients() {
            return backend.nutrients();
        }

        @Override
        public IndexStats stats() {
            return backend.stats();
        }

        @Override
        public void close() {
        }
    }

    private static RawHttp.Response get(int port, String target) throws Exception {
        return get(port, target, null);
    }

    /** A GET from the client {@code forwardedFor} (behind a trusted proxy), or from the connection's address. */
    private static RawHttp.Response get(int port, String target, String forwardedFor) throws Exception {
        String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n";
        return RawHttp.exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), 20_000);
    }

    @Test
    void whenTheOnlySlotIsTakenASearchIs503JsonWithRetryAfterAndHealthStillAnswers() throws Exception {
        HeldBackend held = new HeldBackend();
        // Two clients (told apart by the proxy's X-Forwarded-For): the second is shed because the service is
        // full, not because it asked too much.
        Javalin app = App.create(held, NutrientLexicon.loadDefault(), FixtureIndex.json(),
                ServerConfig.defaults().withMaxConcurrent(1).withTrustedProxy(true)).start("127.0.0.1", 0);
        try {
            CompletableFuture<RawHttp.Response> first =
                    CompletableFuture.supplyAsync(() -> call(app.port(), "/api/search?q=magnesium"), CLIENTS);
            assertTrue(held.entered.await(20, TimeUnit.SECONDS), "the first search is being served");

            RawHttp.Response shed = get(app.port(), "/api/search?q=potassium", "198.51.100.7");
            assertEquals(503, shed.status());
            assertEquals("1", shed.header("Retry-After"));
            assertEquals("application/json", shed.header("Content-Type"));
            assertEquals("nosniff", shed.header("X-Content-Type-Options"));
            JsonNode error = FixtureIndex.json().readTree(shed.body()).get("error");
            assertEquals(503, error.get("status").asInt());
            assertEquals("overloaded", error.get("code").asText());

            assertEquals(200, get(app.port(), "/health").status(), "health is never shed");

            held.release.countDown();
            assertEquals(200, first.get(20, TimeUnit.SECONDS).status());
            assertEquals(200, get(app.port(), "/api/search?q=potassium", "198.51.100.7").status(), "the slot is free again");
        } finally {
            held.release.countDown();
            app.stop();
        }
    }

    @Test
    void aQueuedRequestIsServedWhenASlotFreesAndTheQueueIsBounded() throws Exception {
        CountDownLatch firstEntered = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Handler slow = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if ("/first".equals(Request.getPathInContext(request))) {
                    firstEntered.countDown();
                    releaseFirst.await(30, TimeUnit.SECONDS);
                }
                response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        };
        LoadShedder shedder = new LoadShedder(slow, 1, 1, 30_000, FixtureIndex.json());
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(shedder);
        server.start();
        int port = connector.getLocalPort();
        try {
            CompletableFuture<RawHttp.Response> first = CompletableFuture.supplyAsync(() -> call(port, "/first"), CLIENTS);
            assertTrue(firstEntered.await(20, TimeUnit.SECONDS));
            CompletableFuture<RawHttp.Response> queued = CompletableFuture.supplyAsync(() -> call(port, "/second"), CLIENTS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (shedder.queued() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, shedder.queued(), "the second request waits for the slot");

            RawHttp.Response third = call(port, "/third");
            assertEquals(503, third.status(), "the queue holds one request: the third is shed at once");

            releaseFirst.countDown();
            assertEquals(200, first.get(20, TimeUnit.SECONDS).status());
            RawHttp.Response second = queued.get(20, TimeUnit.SECONDS);
            assertEquals(200, second.status(), "the queued request got the freed slot");
            assertEquals("ok", second.text());
            assertEquals(0, shedder.queued());
        } finally {
            releaseFirst.countDown();
            server.stop();
        }
    }

    /**
     * Thirty POST bodies from one client that stop after their first byte took every slot at
     * --max-concurrent 24, and other clients got 503; the slow requests were then answered 500 and logged as
     * errors. Now one client is served at most half the slots at once (its next requests get 429), others
     * are served, and a stalled body is answered 408 after a short pause.
     */
    @Test
    void slowBodiesFromOneClientCannotTakeEverySlotAndEndIn408() throws Exception {
        Javalin app = App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(),
                ServerConfig.defaults().withMaxConcurrent(24).withTrustedProxy(true)).start("127.0.0.1", 0);
        List<Socket> slow = new ArrayList<>();
        try {
            String head = "POST /api/answer HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.9\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 40\r\nConnection: close\r\n\r\n{";
            for (int i = 0; i < 30; i++) {
                Socket socket = new Socket("127.0.0.1", app.port());
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            // The client's own next request is refused once its share of the slots is taken …
            int refusedAt = -1;
            for (int i = 0; i < 200 && refusedAt < 0; i++) {
                RawHttp.Response own = get(app.port(), "/api/nutrients", "203.0.113.9");
                if (own.status() == 429) {
                    refusedAt = i;
                    assertEquals("too_many_concurrent_requests",
                            FixtureIndex.json().readTree(own.body()).get("error").get("code").asText());
                    assertEquals("1", own.header("Retry-After"));
                }
            }
            assertTrue(refusedAt >= 0, "one client's requests beyond its share are refused");
            // … while another client is served.
            RawHttp.Response other = get(app.port(), "/api/search?q=magnesium", "198.51.100.7");
            assertEquals(200, other.status(), other.text());
            // The stalled bodies end with 408 (the client's fault), or are refused with 429 at once.
            List<Integer> statuses = new ArrayList<>();
            for (Socket socket : slow) {
                RawHttp.Response r = RawHttp.parse(socket.getInputStream().readAllBytes(), 0);
                statuses.add(r.status());
                if (r.status() == 408) {
                    assertEquals("request_timeout", FixtureIndex.json().readTree(r.body()).get("error").get("code").asText());
                }
            }
            assertEquals(ServerConfig.Limits.defaultPerClient(24), statuses.stream().filter(st -> st == 408).count(),
                    statuses.toString());
            assertEquals(30 - ServerConfig.Limits.defaultPerClient(24), statuses.stream().filter(st -> st == 429).count(),
                    statuses.toString());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
            app.stop();
        }
    }

    private static RawHttp.Response call(int port, String path) {
        try {
            return get(port, path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
