package org.nutrisearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A mix of distinct real health queries, as new users type them: the NFCorpus query texts of the train
 * and dev splits (NutritionFacts.org titles: "breast cancer cells feed on cholesterol") and the MedQuAD
 * questions ("What are the symptoms of hypokalemia ?"), read from the shared data folder, each text once
 * (compared in lower case), shuffled with a fixed seed. A benchmark that sends each of them once measures
 * searches that no cache has seen: the figure the search box's new queries cost.
 */
public final class RealQueries {

    /** The seed of the shuffle: the same data gives the same order everywhere. */
    static final long SEED = 42;

    private RealQueries() {
    }

    /** The data folder: {@code NUTRISEARCH_DATA}, else {@code ../shared/data}. */
    public static Path dataDir() {
        String env = System.getenv("NUTRISEARCH_DATA");
        return Path.of(env == null || env.isBlank() ? "../shared/data" : env);
    }

    /** Every distinct query text of NFCorpus train/dev and MedQuAD, shuffled. */
    public static List<String> load(Path data) {
        try {
            Set<String> nfIds = new HashSet<>();
            for (String split : List.of("train", "dev")) {
                for (String line : Files.readAllLines(data.resolve("nfcorpus/qrels/" + split + ".tsv"))) {
                    String[] cols = line.split("\t");
                    if (cols.length >= 2 && !cols[0].equals("query-id")) {
                        nfIds.add(cols[0]);
                    }
                }
            }
            ObjectMapper json = new ObjectMapper();
            Set<String> seen = new HashSet<>();
            List<String> out = new ArrayList<>();
            readJsonl(json, data.resolve("nfcorpus/queries.jsonl"), node -> {
                if (nfIds.contains(node.path("_id").asText())) {
                    add(node.path("text").asText(), seen, out);
                }
            });
            readJsonl(json, data.resolve("medquad/medquad.jsonl"), node -> add(node.path("question").asText(), seen, out));
            Collections.shuffle(out, new Random(SEED));
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the query data under " + data.toAbsolutePath()
                    + " (set NUTRISEARCH_DATA)", e);
        }
    }

    private static void add(String text, Set<String> seen, List<String> out) {
        String q = text.strip().replaceAll("\\s+", " ");
        // The API takes 1-500 characters.
        if (!q.isEmpty() && q.length() <= 500 && seen.add(q.toLowerCase(Locale.ROOT))) {
            out.add(q);
        }
    }

    private interface NodeConsumer {
        void accept(JsonNode node);
    }

    private static void readJsonl(ObjectMapper json, Path file, NodeConsumer consumer) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    consumer.accept(json.readTree(line));
                }
            }
        }
    }

    /** Prints how many queries the data gives and the first few. */
    public static void main(String[] args) {
        List<String> q = load(args.length > 0 ? Path.of(args[0]) : dataDir());
        System.out.println(q.size() + " distinct queries; first: " + q.subList(0, Math.min(5, q.size())));
        System.out.println(new LinkedHashSet<>(q).size());
    }
}
