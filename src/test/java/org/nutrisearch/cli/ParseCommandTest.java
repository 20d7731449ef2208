package org.nutrisearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParseCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void printsTheParsedArticleWithItsUnitsAsJson() throws Exception {
        Run r = run("parse", "corpus/leg-cramps-vitamin-deficiency.txt");
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
        Run r = run("parse", file.toString());
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals(file + ": not valid UTF-8 (byte 0xC3 at offset 1)", r.err().strip());
    }

    @Test
    void missingFileExitsWithOne() {
        Run r = run("parse", "corpus/does-not-exist.txt");
        assertEquals(1, r.exitCode());
        assertEquals("corpus/does-not-exist.txt: no such file", r.err().strip());
    }
}
