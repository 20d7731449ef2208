package org.nutrisearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void printsTheParsedArticleWithItsUnitsAsJson() throws Exception {
        CommandRun r = run("parse", "corpus/leg-cramps-vitamin-deficiency.txt");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("leg-cramps-vitamin-deficiency", json.get("id").asText());
        assertEquals("What Vitamin Deficiency Causes Leg Cramps and How to Address It", json.get("title").asText());
        assertEquals("corpus/leg-cramps-vitamin-deficiency.txt", json.get("source").asText());
        assertEquals(12, json.get("sections").size());
        assertEquals(7, json.get("faqs").size());
        assertEquals(1 + 6 + 12 + 7 + 5, json.get("units").size());
        JsonNode bananas = json.get("units").get(1 + 6 + 12 + 5);
        assertEquals("leg-cramps-vitamin-deficiency#faq-6", bananas.get("id").asText());
        assertTrue(bananas.get("text").asText().startsWith("Bananas are rich in potassium"));
    }

    @Test
    void badFileExitsWithOneAndNamesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[] {'a', (byte) 0xC3, '(', 'b'});
        CommandRun r = run("parse", file.toString());
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals(file + ": not valid UTF-8 (byte 0xC3 at offset 1)", r.err().strip());
    }

    @Test
    void missingFileExitsWithOne() {
        CommandRun r = run("parse", "corpus/does-not-exist.txt");
        assertEquals(1, r.exitCode());
        assertEquals("corpus/does-not-exist.txt: no such file", r.err().strip());
    }
}
