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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/** The browser-hardening headers are on every response: answers, API errors and Jetty's own errors. */
@Tag("integration")
class SecurityHeadersTest {

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;
    static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        backend = CorpusFixture.openBundled(dir);
        app = App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults())
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        backend.close();
    }

    private static RawHttp.Response send(String requestLineAndHeaders) throws Exception {
        String request = requestLineAndHeaders + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";
        return RawHttp.exchange(app.port(), request.getBytes(StandardCharsets.ISO_8859_1), 10_000);
    }

    private static void assertHardened(RawHttp.Response r, int status) {
        assertEquals(status, r.status());
        assertEquals("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'", r.header("Content-Security-Policy"));
        assertEquals(1, r.headers().get("content-security-policy").size(), "one policy, not two");
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("no-referrer", r.header("Referrer-Policy"));
        assertEquals("DENY", r.header("X-Frame-Options"));
    }

    @Test
    void onAnswers() throws Exception {
        assertHardened(send("GET /health HTTP/1.1\r\n"), 200);
        assertHardened(send("GET /api/search?q=magnesium HTTP/1.1\r\n"), 200);
    }

    @Test
    void onThePageAndItsFiles() throws Exception {
        RawHttp.Response page = send("GET / HTTP/1.1\r\n");
        assertHardened(page, 200);
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertHardened(send("GET /app.js HTTP/1.1\r\n"), 200);
        assertHardened(send("GET /style.css HTTP/1.1\r\n"), 200);
        assertHardened(send("GET /no-such-file.js HTTP/1.1\r\n"), 404);
    }

    @Test
    void onApiErrors() throws Exception {
        assertHardened(send("GET /api/search HTTP/1.1\r\n"), 400);
        assertHardened(send("GET /api/articles/nope HTTP/1.1\r\n"), 404);
        assertHardened(send("DELETE /api/search HTTP/1.1\r\n"), 405);
    }

    @Test
    void onJettysOwnErrors() throws Exception {
        RawHttp.Response badVersion = send("GET /health HTTP/7.0\r\n");
        assertHardened(badVersion, 400);
        assertEquals("application/json", badVersion.header("Content-Type"));
        assertHardened(send("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n"), 414);
        assertHardened(send("GET /api/%zz HTTP/1.1\r\n"), 400);
    }
}
