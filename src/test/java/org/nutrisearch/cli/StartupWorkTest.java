package org.nutrisearch.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.http.ServerConfig;
import org.nutrisearch.index.VectorTiming;
import org.nutrisearch.search.SearchMode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What start-up does only for later requests (the suggestions, the answers' unit traits) waits for the first
 * answered search; suggestions and answers asked for before it are the same as after it.
 */
@Tag("integration")
class StartupWorkTest {

    private static final String TRAITS_LINE = "answers: traits of ";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady(String base) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (get(base + "/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready");
    }

    /** The body without its timing, which differs between two runs of one search. */
    private static String withoutTook(String body) {
        return body.replaceAll("\"tookMs\":[0-9.]+", "\"tookMs\":0");
    }

    @Test
    void workForLaterRequestsWaitsForTheFirstSearchAndRequestsBeforeItAreAnsweredTheSame() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        ServerConfig config = ServerConfig.defaults()
                .withIndex(new ServerConfig.Index(Path.of("corpus"), dir.resolve("index"), 0, SearchMode.LEXICAL))
                .withVectors(VectorTiming.OFF);
        RunningService service = new RunningService(config, new BackendOptions(), Services.create(),
                new PrintStream(out, true), new PrintStream(errors, true));
        // Longer than the test: only a search starts the work.
        service.startupWorkDelay = Duration.ofHours(1);
        try {
            assertTrue(service.start());
            String base = "http://127.0.0.1:" + service.port();
            awaitReady(base);

            HttpResponse<String> suggestedBefore = get(base + "/api/suggest?q=magn&limit=5");
            assertEquals(200, suggestedBefore.statusCode());
            assertEquals("{\"suggestions\":[{\"text\":\"Magnesium\",\"kind\":\"nutrient\"},"
                    + "{\"text\":\"magnesium deficiency\",\"kind\":\"phrase\"},{\"text\":\"magnesium levels\",\"kind\":\"phrase\"},"
                    + "{\"text\":\"magnesium supplements\",\"kind\":\"phrase\"},"
                    + "{\"text\":\"Magnesium: For Muscle Relaxation\",\"kind\":\"heading\"}]}", suggestedBefore.body());
            assertFalse(out.toString().contains(TRAITS_LINE), "no search yet, so no warm-up: " + out);

            // The first answer (it searches) is worked out before the units' traits are.
            HttpResponse<String> answeredFirst = get(base + "/api/answer?q=what+causes+leg+cramps+at+night");
            assertEquals(200, answeredFirst.statusCode());
            awaitTraitsLines(out, 1);
            assertTrue(out.toString().contains(TRAITS_LINE + "138 units"), "the warm-up ran after it: " + out);

            assertEquals(suggestedBefore.body(), get(base + "/api/suggest?q=magn&limit=5").body());
            assertEquals(withoutTook(answeredFirst.body()),
                    withoutTook(get(base + "/api/answer?q=what+causes+leg+cramps+at+night").body()));
            assertEquals("", errors.toString());
        } finally {
            service.stop(0);
        }
        assertEquals(0, service.awaitExit());
    }

    @Test
    void anAdminReindexWorksOutTheNewGenerationsTraitsAgain() throws Exception {
        ServerConfig config = ServerConfig.defaults()
                .withIndex(new ServerConfig.Index(Path.of("corpus"), dir.resolve("index"), 0, SearchMode.LEXICAL))
                .withVectors(VectorTiming.OFF)
                .withAdminToken("warm-up-test-token");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        RunningService service = new RunningService(config, new BackendOptions(), Services.create(),
                new PrintStream(out, true), new PrintStream(errors, true));
        service.startupWorkDelay = Duration.ZERO;
        try {
            assertTrue(service.start());
            String base = "http://127.0.0.1:" + service.port();
            awaitReady(base);
            awaitTraitsLines(out, 1);

            HttpResponse<String> reindexed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/reindex"))
                    .header("Authorization", "Bearer warm-up-test-token").timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reindexed.statusCode(), reindexed.body());
            awaitTraitsLines(out, 2);
            assertEquals(2, traitsLines(out), out.toString());
            assertTrue(out.toString().split(TRAITS_LINE, -1)[2].startsWith("138 units"), out.toString());
            assertEquals(200, get(base + "/api/answer?q=what+causes+leg+cramps+at+night").statusCode());
            assertEquals("", errors.toString());
        } finally {
            service.stop(0);
        }
        assertEquals(0, service.awaitExit());
    }

    /** The traits lines written whole: printf writes a line in pieces, and a reader may see half of one. */
    private static int traitsLines(ByteArrayOutputStream out) {
        String[] parts = out.toString().split(TRAITS_LINE, -1);
        int whole = 0;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].contains("\n")) {
                whole++;
            }
        }
        return whole;
    }

    private static void awaitTraitsLines(ByteArrayOutputStream out, int lines) throws InterruptedException {
        for (int i = 0; i < 600 && traitsLines(out) < lines; i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void aStopBeforeAnySearchEndsTheWaitingWork() throws Exception {
        ServerConfig config = ServerConfig.defaults()
                .withIndex(new ServerConfig.Index(Path.of("corpus"), dir.resolve("index"), 0, SearchMode.LEXICAL))
                .withVectors(VectorTiming.OFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        RunningService service = new RunningService(config, new BackendOptions(), Services.create(),
                new PrintStream(out, true), new PrintStream(errors, true));
        service.startupWorkDelay = Duration.ofHours(1);
        assertTrue(service.start());
        awaitReady("http://127.0.0.1:" + service.port());
        service.stop(0);
        assertEquals(0, service.awaitExit());
        assertFalse(out.toString().contains(TRAITS_LINE), out.toString());
        assertEquals("", errors.toString());
    }

    @Test
    void whenTheServerCannotListenTheIndexOpenedBesideItIsNeitherServedNorAnnounced() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = ServerConfig.defaults()
                    .withIndex(new ServerConfig.Index(Path.of("corpus"), dir.resolve("index"), 0, SearchMode.LEXICAL))
                    .withVectors(VectorTiming.OFF)
                    .withHttp(new ServerConfig.Http("127.0.0.1", taken.getLocalPort(), List.of(), Duration.ofSeconds(1)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            RunningService service = new RunningService(config, new BackendOptions(), Services.create(),
                    new PrintStream(out, true), new PrintStream(errors, true));
            assertFalse(service.start());
            assertEquals(1, service.awaitExit());
            assertTrue(errors.toString().startsWith("serve: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
                    errors.toString());
            assertEquals("", out.toString(), "nothing was served or said about the index");
        }
    }
}
