package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.index.Reindexer;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.snippet.SnippetBuilder;

/** {@code POST /api/admin/reindex} over HTTP: the token, the report, one at a time, and searches that never fail meanwhile. */
@Tag("integration")
class ReindexApiTest {

    static final String TOKEN = "reindex-test-token-5f1c";
    static final ObjectMapper JSON = FixtureIndex.json();

    @TempDir
    Path tmp;
    Path corpus;
    LuceneSearchBackend backend;
    Reindexer reindexer;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void index() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (Stream<Path> files = Files.list(Path.of("corpus"))) {
            for (Path f : files.toList()) {
                Files.copy(f, corpus.resolve(f.getFileName()));
            }
        }
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(tmp.resolve("index"));
        IndexBuilder builder = new IndexBuilder(tagger, JSON);
        builder.rebuild(new CorpusLoader().load(corpus).articles(), generations, null);
        LiveIndex live = LiveIndex.open(generations.current().orElseThrow());
        var analyzer = TextAnalyzers.english();
        backend = new LuceneSearchBackend(live, lexicon, new UnitQueryBuilder(analyzer),
                new SnippetBuilder(analyzer, tagger), JSON);
        reindexer = new Reindexer(corpus, generations, builder, live, new CorpusLoader());
        // Every search runs on the index: kept results would answer the same query without touching the
        // generations being switched, and the reindex tests would check nothing.
        backend.cacheResults(0);
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private Javalin start(ServerConfig config) {
        return App.create(backend, NutrientLexicon.loadDefault(), JSON, config, () -> reindexer).start("127.0.0.1", 0);
    }

    private HttpResponse<String> post(Javalin app, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/admin/reindex"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(Javalin app, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorCode(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error").get("code").asText();
    }

    @Test
    void withoutAConfiguredTokenTheEndpointDoesNotExist() throws Exception {
        Javalin app = start(ServerConfig.defaults());
        try {
            HttpResponse<String> r = post(app, "Bearer anything");
            assertEquals(404, r.statusCode());
            assertEquals("not_found", errorCode(r));
        } finally {
            app.stop();
        }
    }

    @Test
    void aMissingOrWrongTokenIs401AndReindexesNothing() throws Exception {
        Javalin app = start(ServerConfig.defaults().withAdminToken(TOKEN));
        try {
            for (String auth : new String[] {null, "Bearer wrong", "Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1),
                    "Basic " + TOKEN, TOKEN}) {
                HttpResponse<String> r = post(app, auth);
                assertEquals(401, r.statusCode(), String.valueOf(auth));
                assertEquals("unauthorized", errorCode(r));
            }
            assertNull(reindexer.lastFinished(), "no reindex ran");
        } finally {
            app.stop();
        }
    }

    @Test
    void theRightTokenReindexesAndReportsWhatWasSkipped() throws Exception {
        Files.write(corpus.resolve("broken.txt"), new byte[] {'a', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        Files.writeString(corpus.resolve("empty.txt"), "");
        Files.writeString(corpus.resolve("extra.jsonl"),
                "{\"id\":\"zinc-note\",\"title\":\"Zinc note\",\"text\":\"Zinc helps; zinnober is a made-up word.\"}\n"
                        + "{not json\n");
        Javalin app = start(ServerConfig.defaults().withAdminToken(TOKEN));
        try {
            HttpResponse<String> r = post(app, "Bearer " + TOKEN);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = JSON.readTree(r.body());
            assertEquals(6, body.get("articles").asInt());
            int byKind = 0;
            for (JsonNode n : body.get("unitsByKind")) {
                byKind += n.asInt();
            }
            assertEquals(body.get("units").asInt(), byKind);
            assertTrue(body.get("millis").asLong() >= 0);
            List<String> skipped = new ArrayList<>();
            for (JsonNode s : body.get("skipped")) {
                skipped.add(s.get("file").asText() + ":" + (s.get("line").isNull() ? "-" : s.get("line").asText())
                        + ":" + s.get("reason").asText());
                assertTrue(!s.get("detail").asText().isBlank());
            }
            assertEquals(Set.of("broken.txt:-:invalid_utf8", "empty.txt:-:empty", "extra.jsonl:2:malformed_line"),
                    Set.copyOf(skipped.stream().map(s -> s.substring(s.lastIndexOf('/') + 1)).toList()));
            JsonNode search = JSON.readTree(get(app, "/api/search?q=zinnober").body());
            assertEquals(1, search.get("total").asInt(), "the new article is searchable at once");
        } finally {
            app.stop();
        }
    }

    /**
     * A named pipe called {@code *.txt} hung the reindex for good (opening a pipe waits for a writer), and
     * every later reindex answered 409; a link to a file outside the corpus put that file on the page.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
    void aPipeOrALinkOutOfTheCorpusIsSkippedAndReindexingGoesOn() throws Exception {
        org.nutrisearch.corpus.Fifo.make(corpus.resolve("pipe.txt"));
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "Secret\n\nZanzibarine is the outside word.\n");
        Files.createSymbolicLink(corpus.resolve("x.txt"), outside);
        Javalin app = start(ServerConfig.defaults().withAdminToken(TOKEN));
        try {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> r = post(app, "Bearer " + TOKEN);
                assertEquals(200, r.statusCode(), r.body());
                List<String> skipped = new ArrayList<>();
                for (JsonNode sk : JSON.readTree(r.body()).get("skipped")) {
                    String file = sk.get("file").asText();
                    skipped.add(file.substring(file.lastIndexOf('/') + 1) + ":" + sk.get("reason").asText());
                }
                assertEquals(List.of("pipe.txt:special_file", "x.txt:outside_corpus"), skipped);
            }
            assertEquals(0, JSON.readTree(get(app, "/api/search?q=zanzibarine").body()).get("total").asInt());
        } finally {
            app.stop();
        }
    }

    @Test
    void aSecondReindexWhileOneRunsIs409() throws Exception {
        // Enough documents that a rebuild takes a while, so two requests overlap.
        try (BufferedWriter out = Files.newBufferedWriter(corpus.resolve("bulk.jsonl"))) {
            for (int i = 0; i < 3000; i++) {
                out.write("{\"id\":\"bulk-" + i + "\",\"title\":\"Bulk " + i + "\",\"text\":\"Magnesium and potassium "
                        + "keep muscles relaxed; bulk document " + i + " makes the rebuild take a while.\"}\n");
            }
        }
        Javalin app = start(ServerConfig.defaults().withAdminToken(TOKEN));
        try {
            List<Integer> statuses = List.of();
            for (int attempt = 0; attempt < 5 && !Set.copyOf(statuses).equals(Set.of(200, 409)); attempt++) {
                CyclicBarrier together = new CyclicBarrier(2);
                ConcurrentLinkedQueue<HttpResponse<String>> responses = new ConcurrentLinkedQueue<>();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    threads.add(Thread.ofPlatform().start(() -> {
                        try {
                            together.await();
                            responses.add(post(app, "Bearer " + TOKEN));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                for (Thread t : threads) {
                    t.join(120_000);
                }
                statuses = responses.stream().map(HttpResponse::statusCode).sorted().toList();
                for (HttpResponse<String> r : responses) {
                    if (r.statusCode() == 409) {
                        assertEquals("reindex_running", errorCode(r));
                    }
                }
            }
            assertEquals(List.of(200, 409), statuses, "one reindex ran, the other was refused");
        } finally {
            app.stop();
        }
    }

    @Test
    void searchesOverHttpNeverFailWhileReindexingRepeatedly() throws Exception {
        Javalin app = start(ServerConfig.defaults().withAdminToken(TOKEN));
        try {
            assertEquals(0, JSON.readTree(get(app, "/api/search?q=zinnober").body()).get("total").asInt());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> r = get(app, "/api/search?q=magnesium%20cramps&limit=5");
                            JsonNode body = JSON.readTree(r.body());
                            if (r.statusCode() != 200 || body.get("total").asInt() < 100 || body.get("results").isEmpty()) {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                            HttpResponse<String> article = get(app, "/api/articles/leg-cramps-vitamin-deficiency");
                            if (article.statusCode() != 200) {
                                failures.add(article.statusCode() + " " + article.body());
                            }
                            searches.incrementAndGet();
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
            for (int i = 0; i < 4; i++) {
                if (i == 2) {
                    Files.writeString(corpus.resolve("zinnober.txt"),
                            "Zinnober and magnesium\n\nZinnober is a made-up word that only this new article uses, with magnesium cramps.\n");
                }
                HttpResponse<String> r = post(app, "Bearer " + TOKEN);
                assertEquals(200, r.statusCode(), r.body());
                // Searches run after each switch, whatever the machine's speed.
                int after = searches.get() + 8;
                while (searches.get() < after && failures.isEmpty()) {
                    Thread.sleep(1);
                }
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join(60_000);
            }
            assertTrue(failures.isEmpty(), () -> failures.size() + " failed searches, first: " + failures.peek());
            assertTrue(searches.get() >= 32, "searches ran: " + searches.get());
            JsonNode after = JSON.readTree(get(app, "/api/search?q=zinnober").body());
            assertEquals(1, after.get("total").asInt());
            assertEquals("zinnober", after.get("results").get(0).get("article").get("id").asText());
        } finally {
            app.stop();
        }
    }
}
