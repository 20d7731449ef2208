package org.nutrisearch.bench;

import org.nutrisearch.answer.AnswerModels;
import org.nutrisearch.answer.AnswerPolicy;
import org.nutrisearch.answer.AnswerRequest;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.embedding.OnnxEmbedder;
import org.nutrisearch.eval.PortalIndex;
import org.nutrisearch.eval.RealCorpus;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Thread CPU time per answer over the portal-scale index of the answer evaluation (a program, not a
 * test): distinct MedQuAD questions, each asked once after {@code --warmup} others, on one thread, as
 * the server wires the answer service (every unit's traits worked out ahead, {@link AnswerService#warmUp}):
 * what a new question costs, whatever else the machine does.
 *
 * <pre>java -cp … org.nutrisearch.bench.AnswerCpu [--cache bench-data/portal] [--data ../shared/data]
 *     [--questions 500] [--warmup 200] [--mode hybrid] [--times FILE]</pre>
 * {@code --times}: each measured question's CPU on the asking thread and wall time (ms, tab-separated,
 * then the question), to find the questions in the tail.
 */
public final class AnswerCpu {

    private AnswerCpu() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(System.getenv().getOrDefault("NUTRISEARCH_EVAL_CACHE", "bench-data/portal"));
        Path data = Path.of("../shared/data");
        int count = 500;
        int warmup = 200;
        SearchMode mode = SearchMode.HYBRID;
        Path times = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                case "--questions" -> count = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--mode" -> mode = SearchMode.fromApiName(args[i + 1]);
                case "--times" -> times = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> questions = AnswerLoad.questions(data);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (OnnxEmbedder model = RealCorpus.loadModel();
             LuceneSearchBackend backend = PortalIndex.open(data, cache, model, false)) {
            backend.cacheResults(0);
            AnswerService service = RealCorpus.answers(backend, AnswerModels.FITTED, AnswerPolicy.defaults(), mode);
            // As the server does once the index is served: every unit's traits worked out ahead.
            long prepared = threads.getCurrentThreadCpuTime();
            int units = service.warmUp(() -> false);
            System.out.printf(Locale.ROOT, "traits of %d units worked out ahead: %.2f s of CPU%n", units,
                    (threads.getCurrentThreadCpuTime() - prepared) / 1e9);
            for (int i = 0; i < warmup; i++) {
                service.answer(new AnswerRequest(questions.get(i), java.util.Set.of(), java.util.Set.of(), null, mode));
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long process = os.getProcessCpuTime();
            long cpu = threads.getCurrentThreadCpuTime();
            com.sun.management.ThreadMXBean heap = (com.sun.management.ThreadMXBean) threads;
            long allocated = heap.getCurrentThreadAllocatedBytes();
            long wall = System.nanoTime();
            // Each question's times as clock readings only: formatting them here would be measured too.
            long[] askCpu = new long[count + 1];
            long[] askWall = new long[count + 1];
            askCpu[0] = cpu;
            askWall[0] = wall;
            for (int i = 0; i < count; i++) {
                service.answer(new AnswerRequest(questions.get(warmup + i), java.util.Set.of(), java.util.Set.of(), null,
                        mode));
                askCpu[i + 1] = threads.getCurrentThreadCpuTime();
                askWall[i + 1] = System.nanoTime();
            }
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / count;
            double wallMs = (System.nanoTime() - wall) / 1e6 / count;
            double processMs = (os.getProcessCpuTime() - process) / 1e6 / count;
            System.out.printf(Locale.ROOT, "%d distinct questions (%s): %.2f ms of CPU per answer (the asking thread"
                    + " %.2f, the process %.2f with the model's threads and GC), %.2f ms wall%n", count, mode.apiName(),
                    processMs, cpuMs, processMs, wallMs);
            // Allocation does not move with the machine's load as CPU does: a steadier measure of work done.
            System.out.printf(Locale.ROOT, "%.2f MB allocated per answer on the asking thread%n",
                    (heap.getCurrentThreadAllocatedBytes() - allocated) / 1e6 / count);
            if (times != null) {
                StringBuilder each = new StringBuilder("cpu_ms\twall_ms\tquestion\n");
                for (int i = 0; i < count; i++) {
                    each.append(String.format(Locale.ROOT, "%.3f\t%.3f\t%s%n", (askCpu[i + 1] - askCpu[i]) / 1e6,
                            (askWall[i + 1] - askWall[i]) / 1e6, questions.get(warmup + i)));
                }
                java.nio.file.Files.writeString(times, each);
            }
        }
    }
}
