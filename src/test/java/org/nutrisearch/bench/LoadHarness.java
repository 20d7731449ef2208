package org.nutrisearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the running service over HTTP on loopback, as a portal's users do, and prints the figures of
 * docs/benchmarks.md: start-up time to the first answered search; throughput, p50/p95/p99 latency and
 * errors of {@code /api/search} (query mix, limit=10, facets and snippets), {@code /health} on the same
 * server and {@code /api/suggest} (keystroke prefixes) at each connection count; heap after a full GC
 * and resident size. The server runs as its own process ({@code java -jar … serve}) with the rate limit
 * off, so the figures measure search, not the limiter. Run it through scripts/bench/http.sh.
 */
public final class LoadHarness {

    private LoadHarness() {
    }

    /** Command-line options, with defaults. */
    static final class Options {
        Path jar = Path.of("target/nutrisearch.jar");
        Path index;
        Path corpus;
        String name;
        double duration = 20;
        double warmup = 10;
        List<Integer> connections = List.of(1, 16, 64);
        String heap = "512m";
        final List<String> jvmArgs = new ArrayList<>();
        final List<String> serveArgs = new ArrayList<>();
        /** Queries to search instead of the whole mix: a category of it, or literal queries. */
        final List<String> queries = new ArrayList<>();
        Path log = Path.of("bench-data/serve.log");

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--jar" -> o.jar = Path.of(need(a, v));
                    case "--index" -> o.index = Path.of(need(a, v));
                    case "--corpus" -> o.corpus = Path.of(need(a, v));
                    case "--name" -> o.name = need(a, v);
                    case "--duration" -> o.duration = Double.parseDouble(need(a, v));
                    case "--warmup" -> o.warmup = Double.parseDouble(need(a, v));
                    case "--connections" -> o.connections = java.util.Arrays.stream(need(a, v).split(","))
                            .map(String::strip).map(Integer::parseInt).toList();
                    case "--heap" -> o.heap = need(a, v);
                    case "--jvm-arg" -> o.jvmArgs.add(need(a, v));
                    case "--serve-arg" -> o.serveArgs.add(need(a, v));
                    case "--query" -> o.queries.add(need(a, v));
                    case "--log" -> o.log = Path.of(need(a, v));
                    default -> throw new IllegalArgumentException("unknown option " + a + usage());
                }
                i++;
            }
            if (o.index == null || o.corpus == null) {
                throw new IllegalArgumentException("--index and --corpus are required" + usage());
            }
            if (o.name == null) {
                o.name = o.corpus.toString();
            }
            return o;
        }

        private static String need(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value" + usage());
            }
            return value;
        }

        private static String usage() {
            return "\nusage: LoadHarness --index DIR --corpus DIR [--name LABEL] [--duration S] [--warmup S]"
                    + " [--connections 1,16,64] [--heap 512m] [--jar target/nutrisearch.jar] [--jvm-arg A]... [--serve-arg A]..."
                    + " [--query CATEGORY|TEXT]...";
        }
    }

    /** One measured step. */
    record Step(int connections, String endpoint, HttpLoad.Result result, double serverCores, double clientCores) {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        QueryMix mix = QueryMix.load();
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + o.heap, "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector"));
        jvm.addAll(o.jvmArgs);
        List<String> serve = new ArrayList<>(List.of("--index", o.index.toString(), "--corpus", o.corpus.toString(),
                "--rate-limit", "0"));
        serve.addAll(o.serveArgs);

        try (ServerProcess server = ServerProcess.start(o.jar, jvm, serve, o.log)) {
            double startup = server.awaitFirstAnswer(searchPath("magnesium"), 600);
            if (server.reindexedOnStart()) {
                System.err.println("warning: the server indexed on start (index missing or older than the corpus);"
                        + " start-up time includes indexing");
            }
            String health = fetch(server.port(), "/health");
            boolean hasSuggest = status(server.port(), suggestPath("ma")) == 200;

            Map<String, List<String>> endpoints = new LinkedHashMap<>();
            endpoints.put("search", searchQueries(mix, o.queries).stream().map(LoadHarness::searchPath).toList());
            endpoints.put("health", List.of("/health"));
            if (hasSuggest) {
                endpoints.put("suggest", mix.keystrokePrefixes().stream().map(LoadHarness::suggestPath).toList());
            }

            // Warm-up: JIT, caches, page cache of the index. Not measured.
            for (Map.Entry<String, List<String>> e : endpoints.entrySet()) {
                double share = e.getKey().equals("search") ? 0.6 : 0.2;
                HttpLoad.run("127.0.0.1", server.port(), e.getValue(), 16, o.warmup * share);
            }

            List<Step> steps = new ArrayList<>();
            for (int c : o.connections) {
                for (Map.Entry<String, List<String>> e : endpoints.entrySet()) {
                    double serverCpu = server.cpuSeconds();
                    long clientCpu = processCpuNanos();
                    HttpLoad.Result r = HttpLoad.run("127.0.0.1", server.port(), e.getValue(), c, o.duration);
                    Step step = new Step(c, e.getKey(), r, (server.cpuSeconds() - serverCpu) / r.seconds(),
                            (processCpuNanos() - clientCpu) / 1e9 / r.seconds());
                    steps.add(step);
                    System.err.printf(Locale.ROOT, "  %s x%d: %.0f req/s, p99 %.2f ms%n", e.getKey(), c,
                            r.throughput(), r.percentileMs(0.99));
                }
            }
            double heap = server.heapAfterFullGcMb();
            double rss = server.residentMb();
            print(o, health, startup, steps, heap, rss, hasSuggest);
        }
    }

    private static void print(Options o, String health, double startup, List<Step> steps, double heapMb,
                              double rssMb, boolean hasSuggest) {
        System.out.printf(Locale.ROOT, "%n### %s%n%n", o.name);
        System.out.printf(Locale.ROOT, "Served: %s (GET /health). Heap limit -Xmx%s, %d s per step after %.0f s warm-up, %d CPUs.%n",
                health.strip(), o.heap, (int) o.duration, o.warmup, Runtime.getRuntime().availableProcessors());
        System.out.println("Searches: " + (o.queries.isEmpty() ? "the whole query mix" : String.join(", ", o.queries))
                + (o.jvmArgs.isEmpty() ? "" : "; server JVM " + String.join(" ", o.jvmArgs))
                + (o.serveArgs.isEmpty() ? "" : "; serve " + String.join(" ", o.serveArgs)) + ".");
        System.out.println();
        System.out.println("| endpoint | connections | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU (cores) | client CPU (cores) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Step s : steps) {
            HttpLoad.Result r = s.result();
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %s | %.2f | %.2f |%n",
                    s.endpoint(), s.connections(), r.throughput(), r.percentileMs(0.50), r.percentileMs(0.95),
                    r.percentileMs(0.99), r.errorCount() == 0 ? "0" : r.errorCount() + " " + r.errors(),
                    s.serverCores(), s.clientCores());
        }
        System.out.println();
        StringBuilder ratios = new StringBuilder("search/health throughput:");
        for (int c : o.connections) {
            double search = throughput(steps, "search", c);
            double hp = throughput(steps, "health", c);
            ratios.append(String.format(Locale.ROOT, " %d conn %.2f;", c, search / hp));
        }
        System.out.println(ratios.substring(0, ratios.length() - 1) + ".");
        if (!hasSuggest) {
            System.out.println("/api/suggest: not served by this build (404), not measured.");
        }
        System.out.printf(Locale.ROOT, "Start-up (java -jar … serve to the first answered search): %.2f s.%n", startup);
        System.out.printf(Locale.ROOT, "Memory while serving: heap after full GC %.0f MB, resident %.0f MB.%n", heapMb, rssMb);
    }

    private static double throughput(List<Step> steps, String endpoint, int connections) {
        return steps.stream().filter(s -> s.endpoint().equals(endpoint) && s.connections() == connections)
                .mapToDouble(s -> s.result().throughput()).findFirst().orElse(Double.NaN);
    }

    /** The whole mix; or, for each --query, that category of the mix or the text itself. */
    static List<String> searchQueries(QueryMix mix, List<String> chosen) {
        if (chosen.isEmpty()) {
            return mix.queries("mix");
        }
        List<String> out = new ArrayList<>();
        for (String q : chosen) {
            out.addAll(QueryMix.CATEGORIES.contains(q) ? mix.queries(q) : List.of(q));
        }
        return out;
    }

    static String searchPath(String query) {
        return "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=10";
    }

    static String suggestPath(String prefix) {
        return "/api/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8) + "&limit=8";
    }

    private static String fetch(int port, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static int status(int port, String path) throws IOException {
        try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
            return client.get(path);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
