package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Over the limit, the public API answers 429 JSON with Retry-After; health is never limited. */
@Tag("integration")
class RateLimitApiTest {

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

    /** The limits' clock: it moves only when the test says, so no assertion depends on the machine's speed. */
    final SearchAnalyticsTest.TestClock clock = new SearchAnalyticsTest.TestClock();

    /** One request a minute after a burst of two: the third request within a minute is refused. */
    private Javalin start(boolean trustedProxy) {
        ServerConfig config = ServerConfig.defaults().withRateLimit(1, 2).withTrustedProxy(trustedProxy);
        Monitoring monitoring = Monitoring.forTest(config, backend, FixtureIndex.json(), line -> { }, clock, null);
        return App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), config, monitoring)
                .start("127.0.0.1", 0);
    }

    private static RawHttp.Response get(Javalin app, String target, String forwardedFor) throws Exception {
        String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n";
        return RawHttp.exchange(app.port(), request.getBytes(StandardCharsets.ISO_8859_1), 10_000);
    }

    @Test
    void theThirdRequestInAMinuteIs429WithRetryAfter() throws Exception {
        Javalin app = start(false);
        try {
            assertEquals(200, get(app, "/api/search?q=magnesium", null).status());
            assertEquals(200, get(app, "/api/nutrients", null).status());
            RawHttp.Response refused = get(app, "/api/search?q=magnesium", null);
            assertEquals(429, refused.status());
            assertEquals("60", refused.header("Retry-After"), "a token comes back in a minute");
            JsonNode error = FixtureIndex.json().readTree(refused.body()).get("error");
            assertEquals(429, error.get("status").asInt());
            assertEquals("rate_limited", error.get("code").asText());
            assertEquals("nosniff", refused.header("X-Content-Type-Options"));
            assertEquals(200, get(app, "/health", null).status(), "health is not rate limited");
            assertEquals(429, get(app, "/api/nothing-here", null).status(), "unknown API paths count too");
            clock.advance(java.time.Duration.ofSeconds(45));
            assertEquals("15", get(app, "/api/nutrients", null).header("Retry-After"));
            clock.advance(java.time.Duration.ofSeconds(15));
            assertEquals(200, get(app, "/api/nutrients", null).status(), "a minute later a request goes through");
            assertEquals(429, get(app, "/api/nutrients", null).status(), "and only one");
        } finally {
            app.stop();
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimit() throws Exception {
        Javalin app = start(true);
        try {
            assertEquals(200, get(app, "/api/nutrients", "203.0.113.1").status());
            assertEquals(200, get(app, "/api/nutrients", "203.0.113.1").status());
            assertEquals(429, get(app, "/api/nutrients", "203.0.113.1").status());
            assertEquals(200, get(app, "/api/nutrients", "203.0.113.2").status());
            // A client cannot escape its limit by claiming another address before the proxy's entry.
            assertEquals(429, get(app, "/api/nutrients", "198.51.100.1, 203.0.113.1").status());
        } finally {
            app.stop();
        }
    }

    @Test
    void withoutATrustedProxyForwardedForIsIgnored() throws Exception {
        Javalin app = start(false);
        try {
            assertEquals(200, get(app, "/api/nutrients", "203.0.113.1").status());
            assertEquals(200, get(app, "/api/nutrients", "203.0.113.2").status());
            assertEquals(429, get(app, "/api/nutrients", "203.0.113.3").status());
        } finally {
            app.stop();
        }
    }
}
