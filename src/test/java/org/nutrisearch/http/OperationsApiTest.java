package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.LoadingBackend;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/** Metrics, access log, readiness and the admin analytics endpoint, spoken to over HTTP. */
@Tag("integration")
class OperationsApiTest {

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

    private final List<String> accessLines = new CopyOnWriteArrayList<>();

    private Javalin app(SearchBackend over, ServerConfig config) {
        return App.create(over, NutrientLexicon.loadDefault(), FixtureIndex.json(), config,
                Monitoring.forTest(config, over, FixtureIndex.json(), accessLines::add, Clock.systemUTC(), null));
    }

    private static String header(Response response, String name) {
        List<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static JsonNode json(Response response) throws Exception {
        return FixtureIndex.json().readTree(response.body().string());
    }

    /** The value of one sample line of the Prometheus text, e.g. {@code metric{a="b"}}. */
    private static double sample(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "no sample " + series);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void metricsCountRequestsByRouteTemplateAndStatusWithSearchOutcomesAndIndexFacts() {
        JavalinTest.test(app(backend, ServerConfig.defaults()), (server, client) -> {
            assertEquals(200, client.get("/api/articles/leg-cramps-vitamin-deficiency").code());
            assertEquals(200, client.get("/api/articles/calf-muscle-pain-deficiency").code());
            assertEquals(404, client.get("/api/articles/no-such-article").code());
            assertEquals(404, client.get("/no/such/path").code());
            assertEquals(200, client.get("/api/search?q=magnesium").code());
            assertEquals(200, client.get("/api/search?q=xyzzy").code());
            assertEquals(400, client.get("/api/search?q=").code());

            Response response = client.get("/metrics");
            assertEquals(200, response.code());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", header(response, "Content-Type"));
            String metrics = response.body().string();
            assertEquals(2, sample(metrics, "http_server_requests_seconds_count{method=\"GET\",route=\"/api/articles/{id}\",status=\"200\"}"));
            assertEquals(1, sample(metrics, "http_server_requests_seconds_count{method=\"GET\",route=\"/api/articles/{id}\",status=\"404\"}"));
            assertEquals(1, sample(metrics, "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"));
            assertEquals(1, sample(metrics, "http_server_requests_seconds_count{method=\"GET\",route=\"/api/search\",status=\"400\"}"));
            assertEquals(2, sample(metrics, "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/search\",status=\"200\",le=\"+Inf\"}"));
            assertFalse(metrics.contains("no-such-article"), "raw paths never become labels");
            assertEquals(2, sample(metrics, "nutrisearch_search_results_count{endpoint=\"search\"}"));
            assertEquals(50, sample(metrics, "nutrisearch_search_results_sum{endpoint=\"search\"}"), "magnesium matches 50 units");
            assertEquals(1, sample(metrics, "nutrisearch_search_zero_results_total{endpoint=\"search\"}"));
            assertEquals(1, sample(metrics, "nutrisearch_index_ready"));
            assertEquals(5, sample(metrics, "nutrisearch_index_articles"));
            assertEquals(138, sample(metrics, "nutrisearch_index_units"));
            assertTrue(sample(metrics, "nutrisearch_index_size_bytes") > 10_000);
            double builtAt = sample(metrics, "nutrisearch_index_last_reindex_timestamp_seconds");
            double now = Instant.now().getEpochSecond();
            assertTrue(builtAt <= now + 1 && builtAt > now - 600, "the fixture index was built minutes ago: " + builtAt);
            assertTrue(metrics.contains("jvm_memory_used_bytes{"), "JVM memory");
            assertTrue(metrics.contains("jvm_gc_"), "JVM GC");
        });
    }

    @Test
    void aRequestStoppedByABeforeHandlerIsStillCountedUnderItsRoute() {
        ServerConfig config = ServerConfig.defaults();
        Monitoring monitoring = Monitoring.forTest(config, backend, FixtureIndex.json(), accessLines::add, Clock.systemUTC(), null);
        Javalin app = Javalin.create(javalin -> {
            monitoring.install(javalin);
            javalin.routes.before("/api/*", ctx -> {
                throw new io.javalin.http.HttpResponseException(429, "slow down");
            });
            javalin.routes.get("/api/articles/{id}", ctx -> ctx.result("never reached"));
        });
        JavalinTest.test(app, (server, client) -> {
            assertEquals(429, client.get("/api/articles/leg-cramps-vitamin-deficiency").code());
            assertEquals("/api/articles/{id}", FixtureIndex.json().readTree(accessLines.get(0)).get("route").asText());
            String metrics = client.get("/metrics").body().string();
            assertEquals(1, sample(metrics, "http_server_requests_seconds_count{method=\"GET\",route=\"/api/articles/{id}\",status=\"429\"}"));
        });
    }

    @Test
    void answersAreCountedByOutcomeWithTheirConfidenceAndDeclinesReachTheAnalytics() {
        JavalinTest.test(app(backend, ServerConfig.defaults().withAdminToken("an-admin-token")), (server, client) -> {
            assertEquals(200, client.get("/api/answer?q=can%20low%20b12%20make%20my%20legs%20tingle%20and%20burn").code());
            assertEquals(200, client.get("/api/answer?q=how%20do%20i%20recover%20from%20knee%20surgery").code());
            String metrics = client.get("/metrics").body().string();
            assertEquals(1, sample(metrics, "nutrisearch_answers_total{outcome=\"answered\"}"));
            assertEquals(1, sample(metrics, "nutrisearch_answers_total{outcome=\"no_match\"}"));
            assertEquals(1, sample(metrics, "nutrisearch_search_zero_results_total{endpoint=\"answer\"}"));
            // Only the answered question had a candidate; its confidence (0.94) is in the top bucket.
            assertEquals(1, sample(metrics, "nutrisearch_answer_confidence_count"));
            assertEquals(0, sample(metrics, "nutrisearch_answer_confidence_bucket{le=\"0.9\"}"));
            assertEquals(1, sample(metrics, "nutrisearch_answer_confidence_bucket{le=\"1.0\"}"));

            JsonNode answered = FixtureIndex.json().readTree(accessLines.get(0));
            assertEquals("/api/answer", answered.get("route").asText());
            assertTrue(answered.get("results").asInt() > 0);
            assertEquals(0, FixtureIndex.json().readTree(accessLines.get(1)).get("results").asInt());

            JsonNode report = json(client.get("/api/admin/analytics", b -> b.header("Authorization", "Bearer an-admin-token")));
            assertEquals(2, report.get("questions").asInt());
            assertEquals(1, report.get("declinedQuestions").asInt());
            assertEquals("{\"no_match\":1}", report.get("declinedByReason").toString());
            assertEquals("how do i recover from knee surgery", report.get("topDeclinedQuestions").get(0).get("query").asText());
        });
    }

    @Test
    void openMetricsIsServedWhenTheScraperAsksForIt() {
        JavalinTest.test(app(backend, ServerConfig.defaults()), (server, client) -> {
            Response response = client.request("/metrics", b -> b.header("Accept", "application/openmetrics-text; version=1.0.0"));
            assertTrue(header(response, "Content-Type").startsWith("application/openmetrics-text"));
            assertTrue(response.body().string().endsWith("# EOF\n"));
        });
    }

    @Test
    void theAccessLogWritesOneJsonLinePerRequestWithoutQueryTextByDefault() {
        JavalinTest.test(app(backend, ServerConfig.defaults()), (server, client) -> {
            client.get("/api/search?q=magnesium%20cramps&limit=2");
            client.get("/api/articles/leg-cramps-vitamin-deficiency");
            assertEquals(2, accessLines.size(), accessLines.toString());
            JsonNode search = FixtureIndex.json().readTree(accessLines.get(0));
            assertEquals(List.of("ts", "method", "route", "status", "durationMs", "results"), fieldNames(search));
            assertEquals("GET", search.get("method").asText());
            assertEquals("/api/search", search.get("route").asText());
            assertEquals(200, search.get("status").asInt());
            assertEquals(106, search.get("results").asLong(), "units matching magnesium or cramps (the search total)");
            assertTrue(search.get("durationMs").isNumber());
            assertFalse(accessLines.get(0).contains("magnesium"), "no query text anywhere in the line");
            JsonNode article = FixtureIndex.json().readTree(accessLines.get(1));
            assertEquals("/api/articles/{id}", article.get("route").asText());
            assertFalse(article.has("results"));
        });
    }

    @Test
    void theAccessLogCarriesTheQueryWhenConfigured() {
        JavalinTest.test(app(backend, ServerConfig.defaults().withLogQueries(true)), (server, client) -> {
            client.get("/api/search?q=%20magnesium%20cramps%20");
            JsonNode line = FixtureIndex.json().readTree(accessLines.get(0));
            assertEquals("magnesium cramps", line.get("q").asText());
            assertEquals(List.of("ts", "method", "route", "status", "durationMs", "results", "q"), fieldNames(line));
        });
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void readinessIsSeparateFromLiveness() {
        LoadingBackend loading = new LoadingBackend();
        JavalinTest.test(app(loading, ServerConfig.defaults()), (server, client) -> {
            Response health = client.get("/health");
            assertEquals(200, health.code());
            assertEquals("{\"status\":\"ok\",\"articles\":0,\"units\":0,\"vectors\":false,\"defaultMode\":\"lexical\","
                    + "\"vectorStatus\":{\"state\":\"off\",\"done\":null,\"total\":null,\"unitsPerSecond\":null,\"secondsLeft\":null}}", health.body().string());
            Response ready = client.get("/ready");
            assertEquals(503, ready.code());
            assertEquals("5", header(ready, "Retry-After"));
            assertEquals("{\"status\":\"loading\"}", ready.body().string());
            Response search = client.get("/api/search?q=iron");
            assertEquals(503, search.code());
            assertEquals("index_loading", json(search).get("error").get("code").asText());
            assertEquals(0, sample(client.get("/metrics").body().string(), "nutrisearch_index_ready"));

            loading.load(backend);
            Response nowReady = client.get("/ready");
            assertEquals(200, nowReady.code());
            assertEquals("{\"status\":\"ready\",\"articles\":5,\"units\":138,\"build\":{\"id\":\"gen-000001\",\"corpus\":null}}",
                    nowReady.body().string());
            assertEquals(200, client.get("/api/search?q=iron").code());
        });
    }

    @Test
    void readinessTurnsToDrainingWhenShutdownBegins() {
        ServerConfig config = ServerConfig.defaults();
        Monitoring monitoring = Monitoring.forTest(config, backend, FixtureIndex.json(), accessLines::add, Clock.systemUTC(), null);
        Javalin app = App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), config, monitoring);
        JavalinTest.test(app, (server, client) -> {
            assertEquals(200, client.get("/ready").code());
            monitoring.drain();
            Response ready = client.get("/ready");
            assertEquals(503, ready.code());
            assertEquals("{\"status\":\"draining\"}", ready.body().string());
            assertEquals(200, client.get("/api/search?q=iron").code(), "requests still arriving are served");
        });
    }

    @Test
    void adminAnalyticsNeedTheTokenAndAreOffWithoutOne() {
        JavalinTest.test(app(backend, ServerConfig.defaults()), (server, client) -> {
            Response off = client.get("/api/admin/analytics", b -> b.header("Authorization", "Bearer anything"));
            assertEquals(404, off.code());
            assertEquals("not_found", json(off).get("error").get("code").asText());
        });
        JavalinTest.test(app(backend, ServerConfig.defaults().withAdminToken("s3cret-token")), (server, client) -> {
            Response missing = client.get("/api/admin/analytics");
            assertEquals(401, missing.code());
            assertEquals("Bearer realm=\"nutrisearch-admin\"", header(missing, "WWW-Authenticate"));
            assertEquals("unauthorized", json(missing).get("error").get("code").asText());
            assertEquals(401, client.get("/api/admin/analytics", b -> b.header("Authorization", "Bearer s3cret-toke")).code());
            assertEquals(401, client.get("/api/admin/analytics", b -> b.header("Authorization", "Bearer s3cret-token2")).code());
            assertEquals(401, client.get("/api/admin/analytics", b -> b.header("Authorization", "Basic s3cret-token")).code());

            // Search forgives most typos; one in the first letter it does not, and finds nothing.
            client.get("/api/search?q=nagnesium");
            client.get("/api/search?q=iron");   // ends the "nagnesium" run
            client.get("/api/search?q=calcium"); // ends the "iron" run
            Response ok = client.get("/api/admin/analytics?limit=5", b -> b.header("Authorization", "Bearer s3cret-token"));
            assertEquals(200, ok.code());
            assertEquals("no-store", header(ok, "Cache-Control"));
            JsonNode report = json(ok);
            assertEquals(2, report.get("searches").asInt());
            assertEquals(1, report.get("zeroResultSearches").asInt());
            JsonNode group = report.get("zeroResultGroups").get(0);
            assertEquals("magnesium", group.get("nearestWord").asText());
            assertEquals("nagnesium", group.get("queries").get(0).get("query").asText());
            assertEquals(400, client.get("/api/admin/analytics?limit=0", b -> b.header("Authorization", "Bearer s3cret-token")).code());
        });
    }

    @Test
    void analyticsSwitchedOffAnswer404WithTheirOwnCode() {
        ServerConfig off = ServerConfig.defaults().withAdminToken("t0ken-t0ken").withAnalytics(java.time.Duration.ZERO, 100);
        JavalinTest.test(app(backend, off), (server, client) -> {
            Response r = client.get("/api/admin/analytics", b -> b.header("Authorization", "Bearer t0ken-t0ken"));
            assertEquals(404, r.code());
            assertEquals("analytics_disabled", json(r).get("error").get("code").asText());
        });
    }

    @Test
    void theDocsPageLoadsOnlyLocalFilesUnderAStrictPolicy() {
        JavalinTest.test(app(backend, ServerConfig.defaults()), (server, client) -> {
            Response page = client.get("/docs");
            assertEquals(200, page.code());
            assertEquals(ApiDocs.CONTENT_SECURITY_POLICY, header(page, "Content-Security-Policy"));
            String html = page.body().string();
            Matcher src = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
            int assets = 0;
            while (src.find()) {
                String url = src.group(1);
                assertTrue(url.startsWith("/"), "local only: " + url);
                Response asset = client.get(url);
                assertEquals(200, asset.code(), url);
                assets++;
            }
            assertEquals(5, assets, "two style sheets, two scripts, and the link to /openapi.json");
            assertFalse(html.matches("(?s).*<script>.*"), "no inline script");
            Response script = client.get("/docs/assets/swagger-ui-bundle.js");
            assertTrue(header(script, "Content-Type").contains("javascript"));
        });
    }

    /**
     * Each made-up HTTP method added a value to the metrics' method label (200 requests, 202 values) and an
     * entry to Javalin's table of methods, which never shrinks. They are answered 405 before either sees them.
     */
    @Test
    void madeUpMethodsAre405AndAddNoMetricSeriesAndNoMethodEntries() throws Exception {
        Javalin app = app(backend, ServerConfig.defaults()).start("127.0.0.1", 0);
        try {
            int methodsBefore = io.javalin.http.HandlerType.values().size();
            for (int i = 0; i < 200; i++) {
                String request = "BREW" + i + " /api/search?q=a HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
                RawHttp.Response r = RawHttp.exchange(app.port(), request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 10_000);
                assertEquals(405, r.status());
                assertEquals("method_not_allowed", FixtureIndex.json().readTree(r.body()).get("error").get("code").asText());
            }
            assertEquals(methodsBefore, io.javalin.http.HandlerType.values().size(), "Javalin's table of methods grew");
            assertEquals(200, RawHttp.exchange(app.port(), "GET /api/nutrients HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 10_000).status());
            String metrics = RawHttp.exchange(app.port(), "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 10_000).text();
            assertFalse(metrics.contains("BREW"), "no made-up method is a label value");
            Matcher methods = Pattern.compile("http_server_requests_seconds_count\\{method=\"([^\"]+)\"").matcher(metrics);
            java.util.Set<String> labels = new java.util.TreeSet<>();
            while (methods.find()) {
                labels.add(methods.group(1));
            }
            assertEquals(java.util.Set.of("GET"), labels, "only the GET so far: " + labels);
            assertTrue(metrics.length() < 100_000, "metrics stay small: " + metrics.length() + " characters");
        } finally {
            app.stop();
        }
    }

    /** Wrong admin tokens were not throttled: 80 in a burst were 80 × 401. */
    @Test
    void wrongAdminTokensAreThrottledPerClientAndA429SaysNothingAboutAGuess() throws Exception {
        SearchAnalyticsTest.TestClock clock = new SearchAnalyticsTest.TestClock();
        ServerConfig config = ServerConfig.defaults().withAdminToken("admin-token-7f3a").withTrustedProxy(true);
        Monitoring monitoring = Monitoring.forTest(config, backend, FixtureIndex.json(), accessLines::add, clock, null);
        Javalin app = App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), config, monitoring)
                .start("127.0.0.1", 0);
        try {
            for (int i = 0; i < AdminAuth.FAILURES_BURST; i++) {
                assertEquals(401, admin(app, "Bearer wrong-" + i, "203.0.113.9").status());
            }
            RawHttp.Response throttled = admin(app, "Bearer wrong-again", "203.0.113.9");
            assertEquals(429, throttled.status());
            assertEquals("too_many_failed_attempts", FixtureIndex.json().readTree(throttled.body()).get("error").get("code").asText());
            assertEquals("6", throttled.header("Retry-After"), "10 a minute: one more try in 6 s");
            assertEquals(429, admin(app, "Bearer admin-token-7f3a", "203.0.113.9").status(),
                    "the right token is refused too while throttled: a 429 tells nothing about a guess");
            assertEquals(200, admin(app, "Bearer admin-token-7f3a", "198.51.100.7").status(), "another client is not");
            clock.advance(java.time.Duration.ofSeconds(6));
            assertEquals(200, admin(app, "Bearer admin-token-7f3a", "203.0.113.9").status());
        } finally {
            app.stop();
        }
    }

    private static RawHttp.Response admin(Javalin app, String authorization, String forwardedFor) throws Exception {
        String request = "GET /api/admin/analytics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: "
                + authorization + "\r\nX-Forwarded-For: " + forwardedFor + "\r\n\r\n";
        return RawHttp.exchange(app.port(), request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 10_000);
    }
}
