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
        double warmup = 30;  // at least; see warmUp
        List<Integer> connections = List.of(1, 16, 64);
        String heap = "512m";
        final List<String> jvmArgs = new ArrayList<>();
        final List<String> serveArgs = new ArrayList<>();
        /** Queries to search instead of the whole mix: a category of it, or literal queries (repeated mix only). */
        final List<String> queries = new ArrayList<>();
        /**
         * distinct: real query texts (NFCorpus, MedQuAD: {@link RealQueries}), each sent once, warm-up
         * queries apart from measured ones, so nothing of a search was seen before; repeated: the 52
         * queries of {@link QueryMix} over and over (after the warm-up a result cache answers them).
         */
        String mix = "distinct";
        /** The mode searches ask for (lexical, semantic, hybrid); null: the server's default. */
        String mode;
        /** The server's port; 0: a free one. */
        int port;
        Path log = Path.of("bench-data/serve.log");
        /** When positive: only measure start-up, this many times, and stop. */
        int startupOnly;
        /** The search cluster's JVM, when the server searches one: its memory is reported too. */
        Long clusterPid;
        /** The Accept-Encoding the load sends ("gzip", as browsers do); null: none. */
        String acceptEncoding;

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
                    case "--mix" -> o.mix = need(a, v);
                    case "--mode" -> o.mode = need(a, v);
                    case "--port" -> o.port = Integer.parseInt(need(a, v));
                    case "--startup-only" -> o.startupOnly = Integer.parseInt(need(a, v));
                    case "--cluster-pid" -> o.clusterPid = Long.parseLong(need(a, v));
                    case "--log" -> o.log = Path.of(need(a, v));
                    case "--accept-encoding" -> o.acceptEncoding = need(a, v);
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
            if (!o.mix.equals("distinct") && !o.mix.equals("repeated")) {
                throw new IllegalArgumentException("--mix is distinct or repeated, not " + o.mix + usage());
            }
            if (o.mix.equals("distinct") && !o.queries.isEmpty()) {
                throw new IllegalArgumentException("--query chooses from the repeated mix: add --mix repeated" + usage());
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
                    + " [--mix distinct|repeated] [--mode lexical|semantic|hybrid] [--port N] [--query CATEGORY|TEXT]..."
                    + " [--startup-only RUNS] [--cluster-pid PID] [--accept-encoding gzip]";
        }
    }

    /** One measured step. */
    /** One load step; {@code clusterCores} is NaN without a search cluster of its own. */
    record Step(int connections, String endpoint, HttpLoad.Result result, double serverCores, double clientCores,
                double clusterCores) {
        /** CPU milliseconds per request: the service's, and the cluster's when there is one. */
        double cpuMsPerRequest() {
            double cores = serverCores + (Double.isNaN(clusterCores) ? 0 : clusterCores);
            return cores / result.throughput() * 1000;
        }
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
        KeepAliveClient.acceptEncoding(o.acceptEncoding);
        QueryMix mix = QueryMix.load();
        // scripts/serve.sh's flags: its -Xms512m (no more than the heap given here) and the modules.
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + o.heap, "-Xms" + minHeap(o.heap),
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector"));
        jvm.addAll(o.jvmArgs);
        List<String> serve = new ArrayList<>(List.of("--index", o.index.toString(), "--corpus", o.corpus.toString(),
                "--rate-limit", "0"));
        serve.addAll(o.serveArgs);

        if (o.startupOnly > 0) {
            measureStartup(o, jvm, serve);
            return;
        }
        try (ServerProcess server = ServerProcess.start(o.jar, jvm, serve, o.log, o.port)) {
            double startup = server.awaitFirstAnswer(searchPath("magnesium"), 600);
            if (server.reindexedOnStart()) {
                System.err.println("warning: the server indexed on start (index missing or older than the corpus);"
                        + " start-up time includes indexing");
            }
            String health = fetch(server.port(), "/health");
            boolean hasSuggest = suggestStatus(server.port()) == 200;

            Map<String, List<String>> endpoints = new LinkedHashMap<>();
            DistinctSearches distinct = null;
            if (o.mix.equals("distinct")) {
                distinct = new DistinctSearches(RealQueries.load(RealQueries.dataDir()).stream()
                        .map(q -> searchPath(q, o.mode)).toList());
                endpoints.put("search", distinct.warmUp());
            } else {
                endpoints.put("search", searchQueries(mix, o.queries).stream().map(q -> searchPath(q, o.mode)).toList());
            }
            endpoints.put("health", List.of("/health"));
            if (hasSuggest) {
                endpoints.put("suggest", mix.keystrokePrefixes().stream().map(LoadHarness::suggestPath).toList());
            }

            double warmedUp = warmUp(server.port(), endpoints, o.warmup);

            List<Step> steps = new ArrayList<>();
            for (int c : o.connections) {
                for (Map.Entry<String, List<String>> e : endpoints.entrySet()) {
                    double serverCpu = server.cpuSeconds();
                    double clusterCpu = o.clusterPid == null ? Double.NaN : ServerProcess.cpuSeconds(o.clusterPid);
                    long clientCpu = processCpuNanos();
                    HttpLoad.Result r = distinct != null && e.getKey().equals("search")
                            ? HttpLoad.run("127.0.0.1", server.port(), distinct, c, o.duration)
                            : HttpLoad.run("127.0.0.1", server.port(), e.getValue(), c, o.duration);
                    Step step = new Step(c, e.getKey(), r, (server.cpuSeconds() - serverCpu) / r.seconds(),
                            (processCpuNanos() - clientCpu) / 1e9 / r.seconds(),
                            o.clusterPid == null ? Double.NaN
                                    : (ServerProcess.cpuSeconds(o.clusterPid) - clusterCpu) / r.seconds());
                    steps.add(step);
                    System.err.printf(Locale.ROOT, "  %s x%d: %.0f req/s, p99 %.2f ms%n", e.getKey(), c,
                            r.throughput(), r.percentileMs(0.99));
                }
            }
            double heap = server.heapAfterFullGcMb();
            double rss = server.residentMb();
            print(o, health, startup, warmedUp, steps, heap, rss, hasSuggest);
            if (distinct != null) {
                System.out.println(distinct.report());
            }
            if (o.clusterPid != null) {
                System.out.printf(Locale.ROOT, "Memory of the search cluster (pid %d) after the load: heap after full GC %.0f MB,"
                                + " resident %.0f MB.%n", o.clusterPid, ServerProcess.heapAfterFullGcMb(o.clusterPid),
                        ServerProcess.residentMb(o.clusterPid));
            }
        }
    }

    /** The initial heap scripts/serve.sh gives the service, or {@code heap} when that is smaller ("256m", "2g"). */
    static String minHeap(String heap) {
        String serve = "512m";
        long mb = switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
            case 'g' -> Long.parseLong(heap.substring(0, heap.length() - 1)) * 1024;
            case 'm' -> Long.parseLong(heap.substring(0, heap.length() - 1));
            default -> throw new IllegalArgumentException("--heap is written 512m or 2g, not " + heap);
        };
        return mb < 512 ? heap : serve;
    }

    /** Starts the server {@code o.startupOnly} times, printing the seconds to the first answered search. */
    private static void measureStartup(Options o, List<String> jvm, List<String> serve) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < o.startupOnly; run++) {
            try (ServerProcess server = ServerProcess.start(o.jar, jvm, serve, o.log, o.port)) {
                seconds.add(server.awaitFirstAnswer(searchPath("magnesium"), 600));
                if (server.reindexedOnStart()) {
                    System.err.println("warning: the server indexed on start");
                }
            }
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "Start-up of %s (java -jar … serve to the first answered search), %d runs: %s s; median %.2f s%s.%n",
                o.name, seconds.size(), seconds.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList(),
                sorted.get(sorted.size() / 2), o.jvmArgs.isEmpty() ? "" : " (server JVM " + String.join(" ", o.jvmArgs) + ")");
    }

    /**
     * Warms the server up (JIT, caches, the index's pages): searches at 16 connections in 5-second
     * slices until at least {@code minSeconds} have passed and the last slice's throughput is within
     * 10 % of the one before (C2 needs far longer on a busy machine than on an idle one), at most four
     * times {@code minSeconds}; then 5 s of each other endpoint. Returns the seconds spent.
     */
    private static double warmUp(int port, Map<String, List<String>> endpoints, double minSeconds)
            throws InterruptedException {
        long start = System.nanoTime();
        double previous = 0;
        while (true) {
            double current = HttpLoad.run("127.0.0.1", port, endpoints.get("search"), 16, 5).throughput();
            double elapsed = (System.nanoTime() - start) / 1e9;
            boolean stable = previous > 0 && Math.abs(current - previous) <= 0.1 * previous;
            if ((elapsed >= minSeconds && stable) || elapsed >= 4 * minSeconds) {
                break;
            }
            previous = current;
        }
        for (Map.Entry<String, List<String>> e : endpoints.entrySet()) {
            if (!e.getKey().equals("search")) {
                HttpLoad.run("127.0.0.1", port, e.getValue(), 16, 5);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(Options o, String health, double startup, double warmedUp, List<Step> steps,
                              double heapMb, double rssMb, boolean hasSuggest) {
        System.out.printf(Locale.ROOT, "%n### %s%n%n", o.name);
        System.out.printf(Locale.ROOT, "Served: %s (GET /health). Heap limit -Xmx%s, %d s per step after %.0f s warm-up, %d CPUs.%n",
                health.strip(), o.heap, (int) o.duration, warmedUp, Runtime.getRuntime().availableProcessors());
        System.out.println("Searches: " + (o.mix.equals("distinct") ? "distinct real queries (NFCorpus train/dev, MedQuAD), each once"
                        : o.queries.isEmpty() ? "the repeated query mix" : String.join(", ", o.queries))
                + (o.mode == null ? ", the server's default mode" : ", mode=" + o.mode)
                + (o.jvmArgs.isEmpty() ? "" : "; server JVM " + String.join(" ", o.jvmArgs))
                + (o.serveArgs.isEmpty() ? "" : "; serve " + String.join(" ", o.serveArgs))
                + (o.acceptEncoding == null ? "" : "; Accept-Encoding: " + o.acceptEncoding) + ".");
        System.out.println();
        boolean cluster = o.clusterPid != null;
        System.out.println("| endpoint | connections | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU (cores) | "
                + (cluster ? "cluster CPU (cores) | " : "") + "CPU ms per request" + (cluster ? " (server + cluster)" : "")
                + " | × /health CPU | client CPU (cores) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|" + (cluster ? "---:|" : "") + "---:|---:|---:|");
        for (Step s : steps) {
            HttpLoad.Result r = s.result();
            double healthCpu = cpuPerRequest(steps, "health", s.connections());
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %s | %.2f | %s%.3f | %.1f | %.2f |%n",
                    s.endpoint(), s.connections(), r.throughput(), r.percentileMs(0.50), r.percentileMs(0.95),
                    r.percentileMs(0.99), r.errorCount() == 0 ? "0" : r.errorCount() + " " + r.errors(),
                    s.serverCores(), cluster ? String.format(Locale.ROOT, "%.2f | ", s.clusterCores()) : "",
                    s.cpuMsPerRequest(), s.cpuMsPerRequest() / healthCpu, s.clientCores());
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

    private static double cpuPerRequest(List<Step> steps, String endpoint, int connections) {
        return steps.stream().filter(s -> s.endpoint().equals(endpoint) && s.connections() == connections)
                .mapToDouble(Step::cpuMsPerRequest).findFirst().orElse(Double.NaN);
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
        return searchPath(query, null);
    }

    static String searchPath(String query, String mode) {
        return "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=10"
                + (mode == null ? "" : "&mode=" + mode);
    }

    /**
     * Distinct searches for every step: the last {@link #WARM_UP} of the list warm the server up, the
     * others are handed out in order, one request each, across the steps; a step that runs out starts
     * again from the first (the report says so: those are repeats a cache may answer).
     */
    static final class DistinctSearches implements HttpLoad.Paths {
        static final int WARM_UP = 3000;
        private final List<String> measured;
        private final List<String> warmUp;
        private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        DistinctSearches(List<String> paths) {
            if (paths.size() < 2 * WARM_UP) {
                throw new IllegalArgumentException("too few distinct queries: " + paths.size());
            }
            this.measured = paths.subList(0, paths.size() - WARM_UP);
            this.warmUp = paths.subList(paths.size() - WARM_UP, paths.size());
        }

        List<String> warmUp() {
            return warmUp;
        }

        @Override
        public String next(int connection) {
            return measured.get(next.getAndIncrement() % measured.size());
        }

        String report() {
            int sent = next.get();
            return String.format(Locale.ROOT, "Distinct searches: %d sent after %d warm-up queries, of %d distinct%s.",
                    sent, WARM_UP, measured.size(), sent > measured.size()
                            ? " (" + (sent - measured.size()) + " repeated: the steps outlasted the list)" : ", none repeated");
        }
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

    /**
     * The status of a first suggest request. Serve builds the suggestions in the background after the
     * first search is answered (tens of seconds at 200 000 units on a busy machine) and a suggest request
     * waits for them, longer than the client's read timeout: ask again until the build is done.
     */
    private static int suggestStatus(int port) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return status(port, suggestPath("ma"));
            } catch (java.net.SocketTimeoutException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
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
