package org.nutrisearch.bench;


import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * Thread CPU time per search, by category of the query mix, over a built index: the figure that holds
 * on a busy machine (wall-clock latency does not). One thread, the backend as {@code serve} wires it.
 * Run with scripts/bench/cpu.sh; {@code --cache N} sizes the backend's result cache (default 0: every
 * search is computed, which is what the figures are about).
 *
 * <pre>java -cp … org.nutrisearch.bench.SearchCpu INDEX_DIR [--rounds N] [--warmup N] [--cache N] [--category C]</pre>
 */
public final class SearchCpu {

    private SearchCpu() {
    }

    public static void main(String[] args) throws Exception {
        String index = args[0];
        int rounds = 20;
        int warmup = 10;
        int cache = 0;
        List<String> categories = QueryMix.CATEGORIES;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--cache" -> cache = Integer.parseInt(args[i + 1]);
                case "--category" -> categories = List.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        QueryMix mix = QueryMix.load();
        try (LuceneSearchBackend backend = BenchIndex.open(index, cache)) {
            List<SearchRequest> all = new ArrayList<>();
            for (String category : categories) {
                mix.queries(category).forEach(q -> all.add(SearchRequest.of(q)));
            }
            for (int r = 0; r < warmup; r++) {
                all.forEach(backend::search);
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
                        SearchResult result = backend.search(request);
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
}
