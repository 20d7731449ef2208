package org.nutrisearch.bench;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

/**
 * Thread CPU time per search over a built index: the figure that holds on a busy machine (wall-clock
 * latency does not). One thread, the backend as {@code serve} wires it. Run with scripts/bench/cpu.sh.
 *
 * <p>Two mixes. {@code --mix distinct} (the default): real query texts (NFCorpus, MedQuAD,
 * {@link RealQueries}), each searched once after {@code --warmup} others, so nothing of a query was
 * seen before (no result, spelling or query-vector cache helps): what a new query costs.
 * {@code --mix repeated}: the 52 queries of {@link QueryMix} by category, {@code --rounds} times each
 * after {@code --warmup} rounds; with {@code --cache N} the backend's result cache answers them.
 *
 * <pre>java -cp … org.nutrisearch.bench.SearchCpu INDEX_DIR [--mix distinct|repeated] [--mode lexical|hybrid|semantic]
 *     [--queries N] [--rounds N] [--warmup N] [--cache N] [--category C]</pre>
 */
public final class SearchCpu {

    private SearchCpu() {
    }

    public static void main(String[] args) throws Exception {
        String index = args[0];
        String mix = "distinct";
        SearchMode mode = SearchMode.LEXICAL;
        int queries = 2000;
        int rounds = 20;
        Integer warmup = null;
        int cache = 0;
        List<String> categories = QueryMix.CATEGORIES;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--mix" -> mix = args[i + 1];
                case "--mode" -> mode = SearchMode.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
                case "--queries" -> queries = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--cache" -> cache = Integer.parseInt(args[i + 1]);
                case "--category" -> categories = List.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (BenchIndex.Opened opened = BenchIndex.opened(index, cache, mode)) {
            if (mix.equals("distinct")) {
                distinct(opened, mode, queries, warmup == null ? 1000 : warmup);
            } else {
                repeated(opened, categories, rounds, warmup == null ? 10 : warmup);
            }
        }
    }

    /** Each query once, after {@code warmup} other queries of the same data. */
    private static void distinct(BenchIndex.Opened opened, SearchMode mode, int count, int warmup) {
        List<String> all = RealQueries.load(RealQueries.dataDir());
        if (all.size() < warmup + count) {
            throw new IllegalArgumentException("only " + all.size() + " distinct queries for " + warmup + " + " + count);
        }
        // Warm-up from the end of the shuffled list, measured queries from its start: none repeats.
        for (String q : all.subList(all.size() - warmup, all.size())) {
            opened.backend().search(SearchRequest.of(q));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
        long[] cpu = new long[count];
        long wall = 0;
        long hits = 0;
        long a0 = allocations.getCurrentThreadAllocatedBytes();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long p0 = os.getProcessCpuTime();
        for (int i = 0; i < count; i++) {
            SearchRequest request = SearchRequest.of(all.get(i));
            long c0 = threads.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            SearchResult result = opened.backend().search(request);
            wall += System.nanoTime() - w0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
            hits += result.total();
        }
        long allocated = allocations.getCurrentThreadAllocatedBytes() - a0;
        long processCpu = os.getProcessCpuTime() - p0;
        long total = Arrays.stream(cpu).sum();
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "distinct real queries (NFCorpus train/dev, MedQuAD), %s, %d searched once each"
                        + " after %d others:%n", mode.name().toLowerCase(Locale.ROOT), count, warmup);
        System.out.printf(Locale.ROOT, "CPU ms per search: mean %.3f, p50 %.3f, p90 %.3f, p99 %.3f; wall ms mean %.3f;"
                        + " matches mean %d; allocated %.0f KB per search; process CPU (all threads, GC and JIT"
                        + " included) %.3f ms per search%n", total / 1e6 / count, cpu[count / 2] / 1e6,
                cpu[(int) (count * 0.9)] / 1e6, cpu[(int) (count * 0.99)] / 1e6, wall / 1e6 / count, hits / count,
                allocated / 1024.0 / count, processCpu / 1e6 / count);
    }

    private static void repeated(BenchIndex.Opened opened, List<String> categories, int rounds, int warmup) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        QueryMix mix = QueryMix.load();
        List<SearchRequest> all = new ArrayList<>();
        for (String category : categories) {
            mix.queries(category).forEach(q -> all.add(SearchRequest.of(q)));
        }
        for (int r = 0; r < warmup; r++) {
            all.forEach(opened.backend()::search);
        }
        System.out.printf(Locale.ROOT, "%-10s %10s %10s %10s%n", "category", "CPU ms", "wall ms", "hits");
        long mixCpu = 0;
        long mixWall = 0;
        long mixHits = 0;
        int mixCount = 0;
        for (String category : categories) {
            List<SearchRequest> requests = mix.queries(category).stream().map(SearchRequest::of).toList();
            long cpu = 0;
            long wall = 0;
            long hits = 0;
            for (int r = 0; r < rounds; r++) {
                for (SearchRequest request : requests) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    SearchResult result = opened.backend().search(request);
                    wall += System.nanoTime() - w0;
                    cpu += threads.getCurrentThreadCpuTime() - c0;
                    hits += result.total();
                }
            }
            int n = rounds * requests.size();
            System.out.printf(Locale.ROOT, "%-10s %10.3f %10.3f %10d%n", category, cpu / 1e6 / n, wall / 1e6 / n,
                    hits / n);
            mixCpu += cpu;
            mixWall += wall;
            mixHits += hits;
            mixCount += n;
        }
        System.out.printf(Locale.ROOT, "%-10s %10.3f %10.3f %10d%n", "mix", mixCpu / 1e6 / mixCount,
                mixWall / 1e6 / mixCount, mixHits / mixCount);
    }
}
