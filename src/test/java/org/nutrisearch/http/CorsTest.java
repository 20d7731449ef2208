package org.nutrisearch.http;

import io.javalin.Javalin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/** Only the configured origins may call the API from a browser. */
@Tag("integration")
class CorsTest {

    static final String ALLOWED = "https://portal.example";

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;
    static Javalin configured;
    static Javalin unconfigured;
    static Javalin any;

    @BeforeAll
    static void start() throws Exception {
        backend = CorpusFixture.openBundled(dir);
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        configured = App.create(backend, lexicon, FixtureIndex.json(),
                ServerConfig.defaults().withCorsOrigins(List.of(ALLOWED, "http://localhost:3000"))).start("127.0.0.1", 0);
        unconfigured = App.create(backend, lexicon, FixtureIndex.json(), ServerConfig.defaults()).start("127.0.0.1", 0);
        any = App.create(backend, lexicon, FixtureIndex.json(), ServerConfig.defaults().withCorsOrigins(List.of("*")))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        configured.stop();
        unconfigured.stop();
        any.stop();
        backend.close();
    }

    private static RawHttp.Response send(Javalin app, String method, String target, String... headers) throws Exception {
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String h : headers) {
            request.append(h).append("\r\n");
        }
        request.append("\r\n");
        return RawHttp.exchange(app.port(), request.toString().getBytes(StandardCharsets.UTF_8), 10_000);
    }

    @Test
    void anAllowedOriginIsNamedInTheAnswer() throws Exception {
        RawHttp.Response r = send(configured, "GET", "/api/search?q=magnesium", "Origin: " + ALLOWED);
        assertEquals(200, r.status());
        assertEquals(ALLOWED, r.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", r.header("Vary"));
    }

    @Test
    void anAllowedOriginSeesErrorsToo() throws Exception {
        RawHttp.Response r = send(configured, "GET", "/api/search", "Origin: " + ALLOWED);
        assertEquals(400, r.status());
        assertEquals(ALLOWED, r.header("Access-Control-Allow-Origin"));
    }

    @Test
    void anotherOriginGetsTheAnswerWithoutPermission() throws Exception {
        for (String origin : List.of("https://evil.example", "https://portal.example.evil.example", "null",
                "https://PORTAL.example", ALLOWED + "/")) {
            RawHttp.Response r = send(configured, "GET", "/api/search?q=magnesium", "Origin: " + origin);
            assertEquals(200, r.status());
            assertNull(r.header("Access-Control-Allow-Origin"), origin);
        }
    }

    @Test
    void aPreflightFromAnAllowedOriginIs204WithMethodsAndHeaders() throws Exception {
        RawHttp.Response r = send(configured, "OPTIONS", "/api/search?q=magnesium", "Origin: http://localhost:3000",
                "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: Content-Type");
        assertEquals(204, r.status());
        assertEquals("http://localhost:3000", r.header("Access-Control-Allow-Origin"));
        assertEquals("GET, POST, OPTIONS", r.header("Access-Control-Allow-Methods"));
        assertEquals("Content-Type, Authorization", r.header("Access-Control-Allow-Headers"));
        assertEquals("600", r.header("Access-Control-Max-Age"));
        assertEquals(0, r.body().length);
    }

    @Test
    void aPreflightFromAnotherOriginIs403Json() throws Exception {
        RawHttp.Response r = send(configured, "OPTIONS", "/api/search", "Origin: https://evil.example",
                "Access-Control-Request-Method: GET");
        assertEquals(403, r.status());
        assertNull(r.header("Access-Control-Allow-Origin"));
        assertTrue(r.text().contains("\"code\":\"origin_not_allowed\""), r.text());
    }

    @Test
    void withoutConfiguredOriginsNoOriginIsAllowed() throws Exception {
        RawHttp.Response r = send(unconfigured, "GET", "/api/search?q=magnesium", "Origin: " + ALLOWED);
        assertEquals(200, r.status());
        assertNull(r.header("Access-Control-Allow-Origin"));
        assertEquals(403, send(unconfigured, "OPTIONS", "/api/search", "Origin: " + ALLOWED,
                "Access-Control-Request-Method: GET").status());
    }

    @Test
    void aStarAllowsEveryOrigin() throws Exception {
        RawHttp.Response r = send(any, "GET", "/api/search?q=magnesium", "Origin: https://anyone.example");
        assertEquals("*", r.header("Access-Control-Allow-Origin"));
    }

    @Test
    void sameOriginRequestsCarryNoCorsHeaders() throws Exception {
        RawHttp.Response r = send(configured, "GET", "/api/search?q=magnesium");
        assertNull(r.header("Access-Control-Allow-Origin"));
        assertNull(r.header("Vary"));
    }
}
