package org.nutrisearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code /api/answer} under load at portal scale (a program, not a test): starts {@code serve} over a
 * corpus in another process, then asks distinct questions (MedQuAD's, shuffled; each asked once, so no
 * result or query-vector cache helps) from 1 and 16 keep-alive connections for a fixed time each, and
 * prints throughput, latency percentiles and the server's CPU per answer (the figure that holds on a
 * busy machine). docs/answer.md, "Cost".
 *
 * <pre>java -cp … org.nutrisearch.bench.AnswerLoad --jar target/nutrisearch.jar --corpus DIR --index DIR
 *     [--data ../shared/data] [--seconds 30] [--warmup 40] [--connections 1,16] [--port 0]
 *     [--jvm "-XX:+UseSerialGC -Xmn256m"] [--serve "--max-computing 0"]</pre>
 * {@code --serve}: more {@code serve} options.
 * {@code --port}: the server's port (0: a free one); {@code --jvm}: JVM flags for the server besides
 * the ones every serve needs and {@code -Xmx1g}.
 */
public final class AnswerLoad {

    private AnswerLoad() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(o.getOrDefault("--jar", "target/nutrisearch.jar"));
        double seconds = Double.parseDouble(o.getOrDefault("--seconds", "30"));
        double warmup = Double.parseDouble(o.getOrDefault("--warmup", "40")); // 10 s left JIT compiling into the first step
        List<Integer> connections = new ArrayList<>();
        for (String c : o.getOrDefault("--connections", "1,16").split(",")) {
            connections.add(Integer.parseInt(c.strip()));
        }
        List<String> questions = questions(Path.of(o.getOrDefault("--data", "../shared/data")));
        List<String> serve = new ArrayList<>(List.of("--corpus", o.get("--corpus"), "--index", o.get("--index"),
                "--vectors", "now", "--rate-limit", "0"));
        serve.addAll(words(o.getOrDefault("--serve", "")));
        Path log = Path.of("target", "bench", "answer-load-serve.log");
        List<String> jvm = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "--add-modules",
                "jdk.incubator.vector", "-Xmx1g"));
        jvm.addAll(words(o.getOrDefault("--jvm", "")));
        int port = Integer.parseInt(o.getOrDefault("--port", "0"));
        try (ServerProcess server = ServerProcess.start(jar, jvm, serve, log, port)) {
            double startup = server.awaitFirstAnswer("/api/answer?q=warm", 3600);
            System.err.printf(Locale.ROOT, "serving after %.1f s%n", startup);
            // The server answers while it works out every unit's traits (seconds of one core on a quiet
            // machine, a minute at load 15): measured steps that overlap it pay for it.
            long traitsBy = System.nanoTime() + 600_000_000_000L;
            while (!Files.readString(log).contains("answers: traits") && System.nanoTime() < traitsBy) {
                Thread.sleep(200);
            }
            System.err.printf(Locale.ROOT, "traits worked out after %.1f s%n", server.secondsSinceStart());
            int next = 0;
            List<String> warm = paths(questions, next, 2000);
            next += warm.size();
            HttpLoad.run("127.0.0.1", server.port(), warm, 4, warmup);
            if (Files.readString(log).contains("vectors: not available")) {
                // Another process holds the index's vector cache: these answers are lexical, not the default.
                System.out.println("WARNING: the server runs without vectors (see " + log + "): not the hybrid figures");
            }
            System.out.println("| connections | answers/s | p50 ms | p95 ms | p99 ms | server CPU per answer (ms) | errors |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int step = 0; step < connections.size(); step++) {
                int c = connections.get(step);
                // Each step its own distinct questions: 4000 at one connection (about 70 answers/s), the
                // rest shared by the busier steps (at 250 answers/s, 30 s asks 7500), so that a question
                // asked twice (its vector and result kept) is rare.
                int left = connections.size() - step;
                int count = c == 1 ? 4000 : Math.max(4000, (questions.size() - next) / left);
                List<String> paths = paths(questions, next, count);
                next += paths.size();
                double cpu = server.cpuSeconds();
                HttpLoad.Result r = HttpLoad.run("127.0.0.1", server.port(), paths, c, seconds);
                double cpuPerAnswer = (server.cpuSeconds() - cpu) / Math.max(1, r.requests()) * 1000;
                System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.2f | %d |%n", c, r.throughput(),
                        r.percentileMs(0.5), r.percentileMs(0.95), r.percentileMs(0.99), cpuPerAnswer, r.errorCount());
                if (r.requests() > paths.size()) {
                    System.out.println("  (more answers than distinct questions: some were asked twice)");
                }
            }
        }
    }

    /** The whitespace-separated words of an option's value (none for a blank one). */
    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    /** {@code count} answer paths from {@code from} on (wrapping), each a distinct question. */
    private static List<String> paths(List<String> questions, int from, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String q = questions.get((from + i) % questions.size());
            out.add("/api/answer?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** MedQuAD's distinct questions, shuffled with a fixed seed. */
    static List<String> questions(Path data) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new LinkedHashSet<>();
        try (BufferedReader in = Files.newBufferedReader(data.resolve("medquad/medquad.jsonl"))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode node = json.readTree(line);
                String q = node.path("question").asText("").strip();
                if (!q.isEmpty() && q.length() <= 500) {
                    seen.add(q);
                }
            }
        }
        List<String> out = new ArrayList<>(seen);
        Collections.shuffle(out, new Random(42));
        return out;
    }
}
