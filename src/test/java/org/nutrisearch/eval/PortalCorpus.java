package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The portal-scale FAQ corpus of the answer evaluation (docs/answer.md): every MedQuAD pair as it is,
 * plus every graded MEDIQA answer as a JSONL document whose "Title (Section):" prefix is its title and
 * whose id is the answer's id. Written into a cache folder outside the repository (the data stays in
 * {@code ../shared/data}); rewritten only when missing.
 */
public final class PortalCorpus {

    /** The MEDIQA files whose answers are indexed (and whose questions are asked). */
    public static final List<String> MEDIQA_FILES = List.of("qa-alexa-train.jsonl", "qa-validation.jsonl");

    private PortalCorpus() {
    }

    /**
     * Writes {@code corpusDir/medquad.jsonl} and {@code corpusDir/mediqa.jsonl} from {@code dataDir}
     * ({@code ../shared/data}) unless both are there already.
     */
    public static void prepare(Path dataDir, Path corpusDir) throws IOException {
        Path medquad = corpusDir.resolve("medquad.jsonl");
        Path mediqa = corpusDir.resolve("mediqa.jsonl");
        if (Files.isRegularFile(medquad) && Files.isRegularFile(mediqa)) {
            return;
        }
        Files.createDirectories(corpusDir);
        Files.copy(dataDir.resolve("medquad/medquad.jsonl"), medquad, StandardCopyOption.REPLACE_EXISTING);
        ObjectMapper json = new ObjectMapper();
        Path partial = corpusDir.resolve("mediqa.jsonl.partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (String file : MEDIQA_FILES) {
                try (BufferedReader in = Files.newBufferedReader(dataDir.resolve("mediqa").resolve(file))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.isBlank()) {
                            continue;
                        }
                        for (JsonNode answer : json.readTree(line).path("answers")) {
                            out.write(json.writeValueAsString(document(json, setOf(file), answer)));
                            out.newLine();
                        }
                    }
                }
            }
        }
        Files.move(partial, mediqa, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** "alexa" for qa-alexa-train.jsonl, "validation" for qa-validation.jsonl: the files reuse answer ids. */
    public static String setOf(String file) {
        String stem = file.replaceFirst("\\.jsonl$", "").replaceFirst("^qa-", "");
        return stem.replaceFirst("-train$", "");
    }

    /** The document id of a graded answer of a set: its answer id under the set's name. */
    public static String documentId(String set, String answerId) {
        return set + "-" + answerId;
    }

    /** One graded answer as a document: "Title (Section): text" split at the first ": ". */
    static ObjectNode document(ObjectMapper json, String set, JsonNode answer) {
        String text = answer.path("text").asText();
        int colon = text.indexOf(": ");
        String title = colon > 0 ? text.substring(0, colon).strip() : "";
        String body = colon > 0 ? text.substring(colon + 2).strip() : text.strip();
        ObjectNode doc = json.createObjectNode();
        doc.put("id", documentId(set, answer.path("id").asText()));
        doc.put("title", title.isEmpty() ? body.substring(0, Math.min(60, body.length())) : title);
        doc.put("text", body);
        String url = answer.path("url").asText("");
        if (url.startsWith("http")) {
            doc.put("url", url);
        }
        return doc;
    }

    public static void main(String[] args) throws IOException {
        prepare(Path.of(args[0]), Path.of(args[1]));
        System.out.println("portal corpus in " + args[1]);
    }
}
