package org.nutrisearch.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.index.IndexGenerations;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.SearchRequest;

/** A process killed with SIGKILL in the middle of indexing leaves the previous index intact and served. */
@Tag("integration")
class KilledIndexingTest {

    @TempDir
    Path tmp;

    @Test
    void killMinus9MidBuildKeepsThePreviousGeneration() throws Exception {
        Path index = tmp.resolve("index");
        assertEquals(0, Main.run("index", "--corpus", "corpus", "--index", index.toString(), "--vectors", "off"));
        Path before = new IndexGenerations(index).current().orElseThrow();

        Path big = Files.createDirectories(tmp.resolve("big"));
        try (BufferedWriter out = Files.newBufferedWriter(big.resolve("docs.jsonl"))) {
            for (int i = 0; i < 200_000; i++) {
                out.write("{\"id\":\"d" + i + "\",\"title\":\"Document " + i + "\",\"text\":\"Magnesium and potassium "
                        + "keep muscles relaxed; document " + i + " repeats this to make indexing take a while.\"}\n");
            }
        }
        Process indexer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "index", "--corpus", big.toString(), "--index", index.toString(), "--vectors", "off")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("indexer.log").toFile()).start();
        Path building = index.resolve("gen-000002");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hasLuceneFiles(building) && indexer.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(indexer.isAlive(), "the indexer finished before it could be killed; make the corpus bigger");
        indexer.destroyForcibly(); // SIGKILL on Unix
        indexer.waitFor(30, TimeUnit.SECONDS);

        assertEquals(before, new IndexGenerations(index).current().orElseThrow(), "CURRENT still names the old generation");
        // The next start serves the previous index.
        try (var backend = Services.create().openBackend(before)) {
            assertEquals(5, backend.stats().articles());
            assertTrue(backend.search(org.nutrisearch.search.SearchRequest.of("magnesium")).total() > 0);
        }
        // A later build cleans up what the killed one left behind.
        assertEquals(0, Main.run("index", "--corpus", "corpus", "--index", index.toString(), "--vectors", "off"));
        try (Stream<Path> left = Files.list(index)) {
            assertEquals(List.of("CURRENT", "gen-000003"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static boolean hasLuceneFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> !f.getFileName().toString().equals("write.lock"));
        } catch (Exception e) {
            return false;
        }
    }
}
