package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * Every request of {@code hostile/requests.jsonl}, sent over a raw socket to the real server on the
 * five bundled articles. Each must get its expected status, never a 5xx; a 4xx must be the JSON error
 * shape; no body may show a stack trace; every response carries the security headers; and every
 * answer comes within {@link #BOUND_MILLIS} (no request may make the server work without bound).
 */
@Tag("integration")
class HostileRequestsTest {

    static final int BOUND_MILLIS = 10_000;
    static final String ADMIN_TOKEN = "hostile-suite-admin-token";

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;
    static Javalin app;
    static final ObjectMapper JSON = FixtureIndex.json();

    @BeforeAll
    static void start() throws Exception {
        backend = CorpusFixture.openBundled(dir);
        ServerConfig config = ServerConfig.defaults().withAdminToken(ADMIN_TOKEN);
        app = App.create(backend, NutrientLexicon.loadDefault(), JSON, config, () -> null).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        backend.close();
    }

    @Test
    void theSuiteHoldsAtLeast150Requests() throws Exception {
        List<HostileCase> cases = HostileCase.load(JSON);
        assertTrue(cases.size() >= 150, "hostile requests: " + cases.size());
        assertEquals(cases.size(), cases.stream().map(HostileCase::name).distinct().count(), "names are unique");
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsA2xxOrAJson4xx() throws Exception {
        String only = System.getProperty("hostile.only", "");
        return HostileCase.load(JSON).stream().filter(c -> c.name().contains(only)).map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private static void check(HostileCase c) throws Exception {
        RawHttp.Response r = RawHttp.exchange(app.port(), c.request(app.port()), BOUND_MILLIS, c.halfClose());
        List<String> problems = new ArrayList<>();
        if (!c.accepts(r.status())) {
            problems.add("status " + r.status() + ", expected " + c.expect());
        }
        if (r.status() >= 500) {
            problems.add("server error " + r.status());
        }
        if (r.millis() > BOUND_MILLIS) {
            problems.add("took " + r.millis() + " ms");
        }
        String body = r.text();
        for (String leak : List.of("Exception", "\tat ", "at org.", "at java.", "at io.javalin")) {
            if (body.contains(leak)) {
                problems.add("body shows internals (" + leak.strip() + ")");
            }
        }
        if (!"nosniff".equals(r.header("X-Content-Type-Options")) || r.header("Content-Security-Policy") == null
                || r.header("Referrer-Policy") == null) {
            problems.add("security headers missing: " + r.headers().keySet());
        }
        boolean head = c.raw() == null && c.method().equals("HEAD");
        if (r.status() >= 400 && !head) {
            checkErrorShape(r, problems);
        }
        if (!problems.isEmpty()) {
            fail(c + " -> " + String.join("; ", problems) + "\n  body: "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static void checkErrorShape(RawHttp.Response r, List<String> problems) {
        String type = r.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            problems.add("error content type " + type);
            return;
        }
        try {
            JsonNode error = JSON.readTree(r.body()).get("error");
            if (error == null || error.get("status").asInt() != r.status() || error.get("code").asText().isBlank()
                    || error.get("message").asText().isBlank()) {
                problems.add("not the error shape");
            }
        } catch (Exception e) {
            problems.add("error body is not JSON");
        }
    }
}
