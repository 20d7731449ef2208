package org.nutrisearch.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.http.ServerConfig;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.VectorTiming;
import org.nutrisearch.search.SearchMode;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed with SIGKILL in the middle of indexing leaves the previous index intact and served, and
 * the next start drops what the killed build wrote. The kill lands mid-build by construction, not by hoping
 * the build is slow: the indexer is frozen (SIGSTOP) once its new generation exists, the test checks that
 * it has not switched {@code CURRENT} yet (else it tries again), and only then kills it.
 */
@Tag("integration")
class KilledIndexingTest {

    @TempDir
    Path tmp;

    @Test
    void killMinus9MidBuildKeepsThePreviousGenerationAndTheNextStartDropsTheLeftovers() throws Exception {
        Path index = tmp.resolve("index");
        IndexGenerations generations = new IndexGenerations(index);
        Path big = Files.createDirectories(tmp.resolve("big"));
        try (BufferedWriter out = Files.newBufferedWriter(big.resolve("docs.jsonl"))) {
            for (int i = 0; i < 20_000; i++) {
                out.write("{\"id\":\"d" + i + "\",\"title\":\"Document " + i + "\",\"text\":\"Magnesium and potassium "
                        + "keep muscles relaxed; document " + i + " is one of many.\"}\n");
            }
        }
        Path killed = null;
        Path before = null;
        for (int attempt = 0; attempt < 5 && killed == null; attempt++) {
            // The served index (an index run also drops every other generation, so each attempt starts clean).
            assertEquals(0, Main.run("index", "--corpus", "corpus", "--index", index.toString(), "--vectors", "off"));
            before = generations.current().orElseThrow();
            killed = killMidBuild(big, index, before);
        }
        assertTrue(killed != null, "no build could be caught before it switched CURRENT");

        assertEquals(before, generations.current().orElseThrow(), "CURRENT still names the old generation");
        assertTrue(Files.isDirectory(killed), "the killed build left its generation behind");
        // The next start serves the previous index (the corpus it was built from is unchanged) and drops the
        // killed build's generation.
        RunningService service = new RunningService(ServerConfig.defaults()
                .withIndex(new ServerConfig.Index(Path.of("corpus"), index, 0, SearchMode.LEXICAL))
                .withVectors(VectorTiming.OFF), new BackendOptions(), Services.create(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        assertTrue(service.start());
        try {
            String health = awaitReady(service.port());
            assertTrue(health.contains("\"articles\":5"), health);
            try (Stream<Path> left = Files.list(index)) {
                assertEquals(List.of("CURRENT", before.getFileName().toString()),
                        left.map(p -> p.getFileName().toString()).sorted().toList());
            }
        } finally {
            service.stop(0);
        }
    }

    /**
     * Starts {@code index} over {@code corpus}, freezes it once its new generation exists (its writer's lock
     * is the first file, made when the build starts writing) and kills it if {@code CURRENT} still names
     * {@code served}; the killed build's folder, or null when the build had already switched.
     */
    private Path killMidBuild(Path corpus, Path index, Path served) throws Exception {
        Process indexer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "index", "--corpus", corpus.toString(), "--index", index.toString(), "--vectors", "off")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("indexer.log").toFile()).start();
        try {
            Path building = null;
            while (building == null && indexer.isAlive()) {
                building = newGenerationWithFiles(index, served);
                Thread.sleep(5);
            }
            if (building == null) {
                return null; // finished before any file was seen
            }
            signal("STOP", indexer.pid());
            boolean midBuild = new IndexGenerations(index).current().map(served::equals).orElse(false);
            indexer.destroyForcibly(); // SIGKILL on Unix (also ends a stopped process)
            assertTrue(indexer.waitFor(30, TimeUnit.SECONDS));
            return midBuild ? building : null;
        } finally {
            indexer.destroyForcibly();
        }
    }

    private static Path newGenerationWithFiles(Path index, Path served) throws Exception {
        try (Stream<Path> dirs = Files.list(index)) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d) && !d.equals(served)).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    if (files.findAny().isPresent()) {
                        return dir;
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // removed meanwhile
                }
            }
        }
        return null;
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor());
    }

    private static String awaitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready");
    }
}
