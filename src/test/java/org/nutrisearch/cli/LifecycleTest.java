package org.nutrisearch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM at random moments, to the real jar in a process of its own: while {@code serve} embeds its first
 * index, while it embeds a reindex, under search/answer/suggest load, and while {@code index} embeds. Each
 * time: the process exits
 * cleanly (0 or 143) within the drain, no request in flight gets a 5xx, no JVM crash file is left, and the
 * next start serves the corpus as it is. Prints what it did (the figures in docs/reliability.md);
 * {@code -Dlifecycle.rounds=N} runs more rounds, {@code -Dlifecycle.seed=S} repeats a run.
 */
@Tag("integration")
class LifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "lifecycle-test-token";
    private static final Path JAR = Path.of("target", "nutrisearch.jar").toAbsolutePath();
    private static final List<String> WORDS = List.of("magnesium", "potassium", "calcium", "iron", "zinc", "cramps",
            "muscles", "night", "legs", "stiffness", "pain", "vitamin", "deficiency", "spinach", "bananas", "sleep",
            "nerves", "tingling", "fatigue", "water", "salt", "exercise", "calves", "feet", "absorb", "supplement",
            "blood", "levels", "doctor", "diet", "beans", "nuts", "seeds", "fish", "dairy", "sunlight");

    @TempDir
    Path dir;

    /** What one round saw. */
    private record Round(String scenario, long signalAfterMillis, int exitCode, long stopMillis, int answered,
                         int refusedAfterSignal, List<String> failures) {
    }

    @Test
    void sigtermAtRandomMomentsExitsCleanlyAnswersRequestsInFlightAndTheNextStartServesTheCorpus() throws Exception {
        long seed = Long.getLong("lifecycle.seed", System.nanoTime());
        int rounds = Integer.getInteger("lifecycle.rounds", 1);
        Random random = new Random(seed);
        System.out.println("lifecycle: seed " + seed + ", " + rounds + " round(s) of each scenario");
        assertTrue(Files.isRegularFile(JAR), "the jar is built before the integration tests: " + JAR);
        List<Round> seen = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            seen.add(duringStartUpEmbedding(random, r));
            seen.add(duringAnEmbeddingReindex(random, r));
            seen.add(underLoad(random, r));
            seen.add(indexCommandWhileEmbedding(random, r));
        }
        for (Round round : seen) {
            System.out.printf(Locale.ROOT, "lifecycle: %-22s SIGTERM after %5d ms: exit %d in %5d ms, %4d requests "
                            + "answered, %3d refused after the signal, failures %s%n", round.scenario(),
                    round.signalAfterMillis(), round.exitCode(), round.stopMillis(), round.answered(),
                    round.refusedAfterSignal(), round.failures());
        }
        for (Round round : seen) {
            assertTrue(round.exitCode() == 0 || round.exitCode() == 143, round.toString());
            assertEquals(List.of(), round.failures(), round.toString());
        }
    }

    /** SIGTERM while serve --vectors now embeds the units of its first build. */
    private Round duringStartUpEmbedding(Random random, int round) throws Exception {
        Path work = Files.createDirectories(dir.resolve("startup-" + round));
        Path corpus = corpus(work, 400, random);
        Server server = Server.start(work, corpus, "--vectors", "now");
        server.awaitOutput("index: building from", Duration.ofSeconds(60));
        long delay = 200 + random.nextInt(3000);
        Thread.sleep(delay);
        Round result = server.terminate("start-up embedding", delay, List.of());
        return checkNextStart(work, corpus, result, 400);
    }

    /** SIGTERM while a reindex embeds the units the corpus gained. */
    private Round duringAnEmbeddingReindex(Random random, int round) throws Exception {
        Path work = Files.createDirectories(dir.resolve("reindex-" + round));
        Path corpus = corpus(work, 50, random);
        Server server = Server.start(work, corpus, "--vectors", "later");
        server.awaitOutput("vectors: ready", Duration.ofSeconds(120));
        addDocs(corpus.resolve("more.jsonl"), 300, random, "fresh");
        List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        String served = Files.readString(work.resolve("index").resolve("CURRENT")).strip();
        Thread reindex = Thread.ofPlatform().start(() -> calls.add(server.call("POST", "/api/admin/reindex")));
        // In flight once the server has it: the rebuild has made its generation's folder. (A request still in
        // the listener's backlog when the listener closes is refused, not answered: not in flight yet.)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!newGeneration(work.resolve("index"), served) && reindex.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long delay = random.nextInt(2500);
        Thread.sleep(delay);
        Round result = server.terminate("embedding reindex", delay, List.of(reindex));
        List<String> failures = new ArrayList<>(result.failures());
        for (Call c : calls) {
            // Finished within the drain: 200. Still running after it: stopped, 503 shutting_down, index kept.
            boolean stopped = c.status() == 503 && c.body().contains("\"shutting_down\"");
            if (c.status() != 200 && !stopped) {
                failures.add("reindex answered " + c.status() + " " + c.body());
            }
        }
        Round withReindex = new Round(result.scenario(), delay, result.exitCode(), result.stopMillis(),
                result.answered() + calls.size(), result.refusedAfterSignal(), failures);
        return checkNextStart(work, corpus, withReindex, 350);
    }

    private static boolean newGeneration(Path index, String served) throws IOException {
        try (Stream<Path> dirs = Files.list(index)) {
            return dirs.map(d -> d.getFileName().toString())
                    .anyMatch(n -> n.startsWith("gen-") && n.compareTo(served) > 0);
        }
    }

    /** SIGTERM while six clients search, ask and type. */
    private Round underLoad(Random random, int round) throws Exception {
        Path work = Files.createDirectories(dir.resolve("load-" + round));
        Path corpus = corpus(work, 100, random);
        Server server = Server.start(work, corpus, "--vectors", "later");
        server.awaitOutput("vectors: ready", Duration.ofSeconds(120));
        AtomicBoolean signalled = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> server.load(client, signalled)));
        }
        long delay = 500 + random.nextInt(2500);
        Thread.sleep(delay);
        signalled.set(true);
        Round result = server.terminate("search load", delay, clients);
        return checkNextStart(work, corpus, result, 100);
    }

    /**
     * SIGTERM while {@code index --vectors now} embeds a changed corpus: exit 143, the served generation
     * unchanged, and the next start serves the corpus as it is (rebuilding, since it changed).
     */
    private Round indexCommandWhileEmbedding(Random random, int round) throws Exception {
        Path work = Files.createDirectories(dir.resolve("index-" + round));
        Path corpus = corpus(work, 30, random);
        Path index = work.resolve("index");
        assertEquals(0, run(work, "index", "--corpus", corpus.toString(), "--index", index.toString(), "--vectors", "off")
                .waitFor());
        String served = Files.readString(index.resolve("CURRENT"));
        addDocs(corpus.resolve("more.jsonl"), 400, random, "fresh");
        Process indexer = run(work, "index", "--corpus", corpus.toString(), "--index", index.toString(), "--vectors", "now");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.isDirectory(index.resolve("vectors")) && indexer.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long delay = 500 + random.nextInt(3000);
        Thread.sleep(delay);
        long signalled = System.nanoTime();
        indexer.destroy(); // SIGTERM
        List<String> failures = new ArrayList<>();
        if (!indexer.waitFor(90, TimeUnit.SECONDS)) {
            indexer.destroyForcibly();
            failures.add("index did not exit within 90 s of SIGTERM");
        }
        long stopMillis = (System.nanoTime() - signalled) / 1_000_000;
        int exit = indexer.isAlive() ? -1 : indexer.exitValue();
        // Stopped mid-build (143): the old generation is still served. Done before the signal (0): the new one.
        if (exit == 143 && !Files.readString(index.resolve("CURRENT")).equals(served)) {
            failures.add("a stopped build switched CURRENT");
        }
        String err = Files.readString(work.resolve("err.log"));
        if (err.contains("SIGSEGV") || err.contains("A fatal error has been detected")) {
            failures.add("the JVM crashed");
        }
        return checkNextStart(work, corpus, new Round("index command", delay, exit, stopMillis, 0, 0, failures), 430);
    }

    private static Process run(Path work, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("out.log").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("err.log").toFile())).start();
    }

    /** The next start (lexical, for speed) serves every article of the corpus as it is now. */
    private Round checkNextStart(Path work, Path corpus, Round round, int articles) throws Exception {
        List<String> failures = new ArrayList<>(round.failures());
        failures.addAll(crashFiles(work));
        Server next = Server.start(work, corpus, "--vectors", "off");
        try {
            next.awaitReady(Duration.ofSeconds(120));
            JsonNode health = JSON.readTree(next.call("GET", "/health").body());
            if (health.get("articles").asInt() != articles) {
                failures.add("next start serves " + health.get("articles") + " articles, not " + articles);
            }
        } finally {
            Round stopped = next.terminate("next start", 0, List.of());
            failures.addAll(stopped.failures());
            if (stopped.exitCode() != 0) {
                failures.add("next start exited " + stopped.exitCode());
            }
        }
        failures.addAll(crashFiles(work));
        return new Round(round.scenario(), round.signalAfterMillis(), round.exitCode(), round.stopMillis(),
                round.answered(), round.refusedAfterSignal(), failures);
    }

    private static List<String> crashFiles(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("hs_err_pid"))
                    .map(n -> "JVM crash file " + n).toList();
        }
    }

    /** A corpus of {@code docs} documents with distinct texts (the vector cache embeds each once). */
    private static Path corpus(Path work, int docs, Random random) throws IOException {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        addDocs(corpus.resolve("docs.jsonl"), docs, random, "doc");
        return corpus;
    }

    private static void addDocs(Path file, int docs, Random random, String prefix) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < docs; i++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 40; w++) {
                    text.append(WORDS.get(random.nextInt(WORDS.size()))).append(w % 9 == 8 ? ". " : " ");
                }
                out.write(JSON.writeValueAsString(java.util.Map.of("id", prefix + "-" + i,
                        "title", "About " + WORDS.get(random.nextInt(WORDS.size())) + " " + i,
                        "text", text.toString().strip() + " (" + prefix + " " + i + ")")));
                out.write('\n');
            }
        }
    }

    /** One HTTP exchange: status (or -1 when the connection failed), body, and whether it began after SIGTERM. */
    private record Call(int status, String body, boolean afterSignal) {
    }

    /** A serve process on a free port, its output in files in its working folder. */
    private static final class Server {
        final Process process;
        final Path work;
        final int port;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong refusedAfterSignal = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        volatile long signalledAt = Long.MAX_VALUE;

        private Server(Process process, Path work, int port) {
            this.process = process;
            this.work = work;
            this.port = port;
        }

        static Server start(Path work, Path corpus, String... options) throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-jar", JAR.toString(), "serve",
                    "--port", Integer.toString(port), "--corpus", corpus.toString(),
                    "--index", work.resolve("index").toString()));
            command.addAll(List.of(options));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("out.log").toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(work.resolve("err.log").toFile()));
            builder.environment().put("NUTRISEARCH_ADMIN_TOKEN", TOKEN);
            return new Server(builder.start(), work, port);
        }

        void awaitOutput(String line, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.readString(work.resolve("out.log")).contains(line)) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("serve exited before '" + line + "': " + Files.readString(work.resolve("err.log")));
                }
                Thread.sleep(20);
            }
            throw new AssertionError("serve did not print '" + line + "' in time");
        }

        void awaitReady(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (call("GET", "/ready").status() == 200) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("serve did not become ready in time");
        }

        Call call(String method, String path) {
            long started = System.nanoTime();
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TOKEN);
                request = method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Call(r.statusCode(), r.body(), false);
            } catch (IOException e) {
                return new Call(-1, String.valueOf(e), started >= signalledAt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Call(-1, "interrupted", true);
            }
        }

        /** Searches, questions and suggestions back to back until the server stops answering after the signal. */
        void load(int client, AtomicBoolean signalled) {
            String[] queries = {"magnesium cramps", "low potassium legs", "vitamin at night", "calcium", "iron fatigue"};
            for (int i = 0; ; i++) {
                String q = URLEncoder.encode(queries[(client + i) % queries.length], StandardCharsets.UTF_8);
                String path = switch (i % 3) {
                    case 0 -> "/api/search?q=" + q;
                    case 1 -> "/api/answer?q=" + q;
                    default -> "/api/suggest?q=" + q.substring(0, 3);
                };
                long started = System.nanoTime();
                Call c = call("GET", path);
                if (c.status() >= 500) {
                    failures.add(path + " answered " + c.status() + " " + c.body());
                } else if (c.status() > 0) {
                    answered.incrementAndGet();
                } else if (started >= signalledAt || c.afterSignal()) {
                    refusedAfterSignal.incrementAndGet();
                    if (signalled.get()) {
                        return; // the server has stopped answering new requests
                    }
                } else {
                    failures.add(path + " sent before the signal failed: " + c.body());
                }
            }
        }

        /** Sends SIGTERM, waits for the process and for {@code clients}; what the round saw. */
        Round terminate(String scenario, long delay, List<Thread> clients) throws Exception {
            signalledAt = System.nanoTime();
            process.destroy(); // SIGTERM
            boolean exited = process.waitFor(90, TimeUnit.SECONDS);
            long stopMillis = (System.nanoTime() - signalledAt) / 1_000_000;
            for (Thread t : clients) {
                t.join(60_000);
            }
            List<String> seen = new ArrayList<>(failures);
            if (!exited) {
                process.destroyForcibly();
                seen.add("did not exit within 90 s of SIGTERM");
            }
            String err = Files.readString(work.resolve("err.log"));
            if (err.contains("SIGSEGV") || err.contains("A fatal error has been detected")) {
                seen.add("the JVM crashed: " + err.substring(Math.max(0, err.indexOf("A fatal error") - 10)).lines().limit(8).toList());
            }
            return new Round(scenario, delay, exited ? process.exitValue() : -1, stopMillis, (int) answered.get(),
                    (int) refusedAfterSignal.get(), seen);
        }
    }
}
