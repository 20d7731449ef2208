package org.nutrisearch.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop load: {@code connections} keep-alive connections, each sending its next request as soon
 * as the previous answer is in, for a fixed time. Every request's latency is kept, so percentiles are
 * exact. What each connection asks next comes from {@link Paths}: a list cycled per connection, or one
 * list of distinct requests shared by all (each sent once).
 */
final class HttpLoad {

    /**
     * What a run measured.
     *
     * @param requests  answered requests (any status)
     * @param errors    non-2xx answers and failed requests, by status ("io" for a failed connection)
     * @param seconds   measured wall time
     * @param latencies sorted latencies in nanoseconds
     */
    record Result(long requests, Map<String, Long> errors, double seconds, long[] latencies) {

        double throughput() {
            return requests / seconds;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The latency at quantile {@code q} (0..1), in milliseconds. */
        double percentileMs(double q) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(q * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }
    }

    private HttpLoad() {
    }

    /** The path a connection asks for next. */
    @FunctionalInterface
    interface Paths {
        String next(int connection);
    }

    /**
     * Each connection cycles through {@code paths}, connection {@code c} starting at path {@code c}, so
     * connections do not all ask the same thing at once (repeated requests: a cache answers them).
     */
    static Result run(String host, int port, List<String> paths, int connections, double seconds)
            throws InterruptedException {
        int[] next = new int[connections];
        for (int c = 0; c < connections; c++) {
            next[c] = c % paths.size();
        }
        return run(host, port, c -> paths.get(next[c]++ % paths.size()), connections, seconds);
    }

    /** The load with each connection asking {@code paths} what to ask next. */
    static Result run(String host, int port, Paths paths, int connections, double seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Worker w = new Worker(host, port, paths, c, deadline, done);
            workers.add(w);
            Thread.ofPlatform().name("load-" + c).daemon().start(w);
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long requests = 0;
        Map<String, Long> errors = new TreeMap<>();
        int total = 0;
        for (Worker w : workers) {
            requests += w.count;
            w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            total += w.count;
        }
        long[] all = new long[total];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, at, w.count);
            at += w.count;
        }
        Arrays.sort(all);
        return new Result(requests, errors, elapsed, all);
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connection's loop. */
    private static final class Worker implements Runnable {
        final String host;
        final int port;
        final Paths paths;
        final int connection;
        final long deadline;
        final CountDownLatch done;
        long[] latencies = new long[1 << 14];
        int count;
        final Map<String, Long> errors = new TreeMap<>();

        Worker(String host, int port, Paths paths, int connection, long deadline, CountDownLatch done) {
            this.host = host;
            this.port = port;
            this.paths = paths;
            this.connection = connection;
            this.deadline = deadline;
            this.done = done;
        }

        @Override
        public void run() {
            try (KeepAliveClient client = new KeepAliveClient(host, port)) {
                while (System.nanoTime() < deadline) {
                    String path = paths.next(connection);
                    long t0 = System.nanoTime();
                    String error = null;
                    try {
                        int status = client.get(path);
                        if (status < 200 || status > 299) {
                            error = Integer.toString(status);
                        }
                    } catch (IOException e) {
                        error = "io";
                        pause(); // a refused connection would otherwise spin a core
                    }
                    long t1 = System.nanoTime();
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = t1 - t0;
                    if (error != null) {
                        errors.merge(error, 1L, Long::sum);
                    }
                }
            } finally {
                done.countDown();
            }
        }
    }
}
