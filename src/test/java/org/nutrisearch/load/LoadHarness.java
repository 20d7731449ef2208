package org.nutrisearch.load;

import java.io.IOException;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load harness (a program, not a test): N keep-alive connections, each sending a fixed mix of search,
 * article, listing, suggestion and health requests back to back for a given time against a server in
 * another process on loopback. Prints throughput, latency percentiles, errors, and the server's heap
 * after a full GC after the warm-up and after each measured round (through {@code jcmd}): retained
 * heap that keeps growing from round to round would be a leak.
 *
 * <pre>
 * java -cp target/test-classes org.nutrisearch.load.LoadHarness --jar target/nutrisearch.jar \
 *      --connections 64 --seconds 60 --warmup 15 --rounds 2
 * java -cp target/test-classes org.nutrisearch.load.LoadHarness --url http://127.0.0.1:7070 --pid 12345
 * # the soak: 64 connections, 10 rounds of a minute of searches, answers and suggestions, a reindex a minute
 * java -cp target/test-classes org.nutrisearch.load.LoadHarness --jar target/nutrisearch.jar \
 *      --connections 64 --seconds 60 --warmup 30 --rounds 10 --mix soak --reindex-every 60
 * </pre>
 * With {@code --jar} the harness starts {@code java -Xmx512m -jar JAR serve} itself (on {@code --port}, else
 * a free port; rate limit off,
 * a temporary index, an admin token for the reindexes) and stops it at the end. {@code --mix soak} sends
 * 50 % searches, 20 % answers, 20 % suggestions, 10 % article pages; {@code --reindex-every N} asks for a
 * reindex every N seconds of the measured rounds (any answer but 200 counts as an error).
 */
public final class LoadHarness {

    /** Searches people type: single words, several words, phrases, exclusions, questions, misses. */
    static final List<String> QUERIES = List.of("magnesium", "leg cramps", "magnesium cramps", "vitamin d deficiency",
            "\"muscle cramps\"", "potassium -banana", "b12 tingling", "night cramps magnesium", "calcium", "iron",
            "dehydration", "stretching before bed", "hypokalemia", "thiamine", "what causes leg cramps at night",
            "low potassium symptoms", "calf pain", "vitamin b12 deficiency numbness", "zinnoberquark", "electrolytes");
    static final List<String> FILTERS = List.of("", "", "", "&kind=faq", "&kind=section", "&nutrient=magnesium",
            "&limit=20", "&offset=10", "&kind=table&kind=summary");
    static final List<String> ARTICLES = List.of("leg-cramps-vitamin-deficiency", "calf-muscle-pain-deficiency",
            "leg-pain-at-night-vitamin-deficiency", "leg-stiffness-nutritional-culprits", "nighttime-leg-cramps-nutrients");
    static final List<String> PREFIXES = List.of("mag", "vit", "cra", "pot", "leg c", "b1", "cal", "dehy");

    private record Options(String url, Path jar, long pid, int connections, int seconds, int warmup, int rounds,
                           boolean soak, int reindexEvery, String token, int port) {
        static Options parse(String[] args) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                m.put(args[i], args[i + 1]);
            }
            return new Options(m.get("--url"), m.containsKey("--jar") ? Path.of(m.get("--jar")) : null,
                    Long.parseLong(m.getOrDefault("--pid", "-1")), Integer.parseInt(m.getOrDefault("--connections", "64")),
                    Integer.parseInt(m.getOrDefault("--seconds", "60")), Integer.parseInt(m.getOrDefault("--warmup", "15")),
                    Integer.parseInt(m.getOrDefault("--rounds", "1")), "soak".equals(m.get("--mix")),
                    Integer.parseInt(m.getOrDefault("--reindex-every", "0")),
                    m.getOrDefault("--token", System.getenv("NUTRISEARCH_ADMIN_TOKEN")),
                    Integer.parseInt(m.getOrDefault("--port", "0")));
        }
    }

    /** What one connection measured. */
    private static final class Worker implements Runnable {
        final HttpClient client;
        final String base;
        final Random random;
        final boolean suggest;
        final boolean soak;
        final long measureFrom;
        final long until;
        long[] latencies = new long[1 << 14];
        int count;
        final Map<String, LongAdder> errors;

        Worker(String base, long seed, boolean suggest, boolean soak, long measureFrom, long until,
               Map<String, LongAdder> errors) {
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            this.base = base;
            this.random = new Random(seed);
            this.suggest = suggest;
            this.soak = soak;
            this.measureFrom = measureFrom;
            this.until = until;
            this.errors = errors;
        }

        String next() {
            int r = random.nextInt(100);
            if (soak) {
                if (r < 50) {
                    return "/api/search?q=" + enc(pick(QUERIES)) + pick(FILTERS);
                } else if (r < 70) {
                    return "/api/answer?q=" + enc(pick(QUERIES));
                } else if (r < 90) {
                    return "/api/suggest?q=" + enc(pick(PREFIXES));
                }
                return "/api/articles/" + pick(ARTICLES);
            }
            if (r < 70) {
                return "/api/search?q=" + enc(pick(QUERIES)) + pick(FILTERS);
            } else if (r < 80) {
                return "/api/articles/" + pick(ARTICLES);
            } else if (r < 85) {
                return "/api/articles";
            } else if (r < 90) {
                return "/api/nutrients";
            } else if (r < 95 && suggest) {
                return "/api/suggest?q=" + enc(pick(PREFIXES));
            }
            return "/health";
        }

        <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        @Override
        public void run() {
            while (true) {
                long start = System.nanoTime();
                if (start >= until) {
                    return;
                }
                String path = next();
                String failure = null;
                try {
                    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) {
                        failure = "status " + r.statusCode();
                    }
                } catch (IOException | RuntimeException e) {
                    failure = e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long end = System.nanoTime();
                if (start >= measureFrom) {
                    if (failure != null) {
                        errors.computeIfAbsent(failure, k -> new LongAdder()).increment();
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = end - start;
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Process server = null;
        String url = o.url();
        long pid = o.pid();
        Path index = null;
        String token = o.token();
        if (o.jar() != null) {
            index = Files.createTempDirectory("nutrisearch-load-index");
            int port = o.port() > 0 ? o.port() : freePort();
            token = token != null ? token : "load-" + Long.toHexString(new Random().nextLong());
            ProcessBuilder builder = new ProcessBuilder(javaTool("java"), "-Xmx512m", "-jar", o.jar().toString(), "serve",
                    "--port", Integer.toString(port), "--host", "127.0.0.1", "--index", index.toString(),
                    "--rate-limit", "0")
                    .redirectErrorStream(true).redirectOutput(index.resolveSibling(index.getFileName() + ".log").toFile());
            builder.environment().put("NUTRISEARCH_ADMIN_TOKEN", token);
            server = builder.start();
            url = "http://127.0.0.1:" + port;
            pid = server.pid();
        }
        try {
            awaitHealthy(url);
            boolean suggest = status(url + "/api/suggest?q=mag") == 200;
            System.out.printf(Locale.ROOT, "server %s (pid %d), %d connections, %d s warm-up, %d s measured, suggest %s, "
                            + "mix %s, reindex every %s%n", url, pid, o.connections(), o.warmup(), o.seconds(),
                    suggest ? "in the mix" : "absent", o.soak() ? "soak" : "default",
                    o.reindexEvery() > 0 ? o.reindexEvery() + " s" : "never");
            run(url, o.connections(), o.warmup(), 0, suggest, o.soak(), 1, new ConcurrentHashMap<>()); // warm-up: JIT, caches, connection pools
            System.out.println("heap after full GC, after warm-up: " + heapAfterFullGc(pid));
            for (int round = 1; round <= o.rounds(); round++) {
                Map<String, LongAdder> errors = new ConcurrentHashMap<>();
                Thread reindexer = o.reindexEvery() > 0 ? reindexes(url, token, o.reindexEvery(), o.seconds(), errors) : null;
                long cpuBefore = cpuNanos(pid);
                long[] all = run(url, o.connections(), 0, o.seconds(), suggest, o.soak(), 1 + round, errors);
                long cpu = cpuNanos(pid) - cpuBefore;
                if (reindexer != null) {
                    reindexer.join();
                }
                String heap = heapAfterFullGc(pid);
                Arrays.sort(all);
                long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
                System.out.printf(Locale.ROOT, "round %d: %d requests in %d s: %.0f req/s%n", round, all.length,
                        o.seconds(), all.length / (double) o.seconds());
                System.out.printf(Locale.ROOT, "  latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                        ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), ms(all, 0.999),
                        all.length == 0 ? 0 : all[all.length - 1] / 1e6);
                System.out.printf(Locale.ROOT, "  errors %d %s%n", errorCount, errors.isEmpty() ? "" : errors);
                if (cpuBefore >= 0 && all.length > 0) {
                    System.out.printf(Locale.ROOT, "  server CPU: %.1f s, %.3f ms per request (reindexes included)%n",
                            cpu / 1e9, cpu / 1e6 / all.length);
                }
                System.out.println("  heap after full GC: " + heap);
            }
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(20, TimeUnit.SECONDS);
                server.destroyForcibly();
            }
            if (index != null) {
                try (var files = Files.walk(index)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * Asks for a reindex every {@code every} seconds within the next {@code seconds} (the first at once);
     * each one not answered 200 counts as an error, and each one answered is printed with its time.
     */
    private static Thread reindexes(String url, String token, int every, int seconds, Map<String, LongAdder> errors) {
        return Thread.ofPlatform().name("reindex").start(() -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            try (HttpClient client = HttpClient.newHttpClient()) {
                for (long next = System.nanoTime(); next < until; next += TimeUnit.SECONDS.toNanos(every)) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                    long start = System.nanoTime();
                    String result;
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/api/admin/reindex"))
                                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(5))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                        result = "status " + r.statusCode();
                        if (r.statusCode() != 200) {
                            errors.computeIfAbsent("reindex " + result, k -> new LongAdder()).increment();
                        }
                    } catch (IOException e) {
                        result = e.getClass().getSimpleName();
                        errors.computeIfAbsent("reindex " + result, k -> new LongAdder()).increment();
                    }
                    System.out.printf(Locale.ROOT, "  reindex: %s in %.1f s%n", result, (System.nanoTime() - start) / 1e9);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Runs {@code connections} workers for warm-up plus measured seconds; returns the measured latencies. */
    private static long[] run(String url, int connections, int warmupSeconds, int seconds, boolean suggest, boolean soak,
                              long seed, Map<String, LongAdder> errors) throws InterruptedException {
        long now = System.nanoTime();
        long measureFrom = now + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long until = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(url, seed * 1000 + i, suggest, soak, seconds == 0 ? Long.MAX_VALUE : measureFrom, until,
                    errors);
            workers.add(w);
            threads.add(Thread.ofPlatform().name("load-" + i).start(w));
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = workers.stream().mapToInt(w -> w.count).sum();
        long[] all = new long[total];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
            w.client.close();
        }
        return all;
    }

    /** CPU time the server process has used (all threads), or -1 when it cannot be read. */
    private static long cpuNanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(java.time.Duration::toNanos)
                .orElse(-1L);
    }

    /** A port nothing listens on now (the server the harness starts takes it). */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int status(String url) {
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitHealthy(String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (status(url + "/api/nutrients") != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("server at " + url + " did not become ready");
            }
            Thread.sleep(500);
        }
    }

    /** Forces a full GC in the server ({@code jcmd PID GC.run}) and reads the heap in use ({@code GC.heap_info}). */
    static String heapAfterFullGc(long pid) throws IOException, InterruptedException {
        if (pid <= 0) {
            return "unknown (no --pid)";
        }
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(info);
        return used.find()
                ? String.format(Locale.ROOT, "%.1f MB used (%.1f MB committed)", Long.parseLong(used.group(2)) / 1024.0,
                Long.parseLong(used.group(1)) / 1024.0)
                : info.strip();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(javaTool("jcmd"), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static String javaTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
