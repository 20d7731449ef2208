package org.nutrisearch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under test, run as {@code java -jar nutrisearch.jar serve} in its own process, the way
 * it is deployed; with what the harness reads about it from the outside (jcmd, /proc).
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final long startNanos;

    private ServerProcess(Process process, int port, Path log, long startNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startNanos = startNanos;
    }

    /**
     * Starts {@code java <jvmArgs> -jar <jar> serve --host 127.0.0.1 --port <free> <serveArgs>}, output
     * into {@code log}.
     */
    static ServerProcess start(Path jar, List<String> jvmArgs, List<String> serveArgs, Path log) throws IOException {
        return start(jar, jvmArgs, serveArgs, log, 0);
    }

    /** As {@link #start(Path, List, List, Path)} on {@code port} (0: a free one). */
    static ServerProcess start(Path jar, List<String> jvmArgs, List<String> serveArgs, Path log, int port)
            throws IOException {
        if (port == 0) {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port)));
        command.addAll(serveArgs);
        Files.createDirectories(log.toAbsolutePath().getParent());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess(p, port, log, start);
    }

    int port() {
        return port;
    }

    /** Seconds since the process was started. */
    double secondsSinceStart() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Polls {@code path} until it answers 200; returns seconds since the process was started.
     *
     * @throws IOException when the server dies or does not answer within {@code timeoutSeconds}
     */
    double awaitFirstAnswer(String path, double timeoutSeconds) throws IOException, InterruptedException {
        long deadline = startNanos + (long) (timeoutSeconds * 1e9);
        try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("the server exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (client.get(path) == 200) {
                        return (System.nanoTime() - startNanos) / 1e9;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(5);
            }
        }
        throw new IOException("no answer from " + path + " within " + timeoutSeconds + " s; see " + log);
    }

    /** True when the server's output says it indexed on start (the index was missing or stale). */
    boolean reindexedOnStart() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8).contains("Indexed ");
    }

    /** CPU time the server has used so far (user + system), in seconds, from /proc/PID/stat. */
    double cpuSeconds() throws IOException {
        return cpuSeconds(pid());
    }

    /** CPU time process {@code pid} has used so far (user + system), in seconds (a search cluster's, for one). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    /** Resident set size in MB, from /proc/PID/status. */
    double residentMb() throws IOException {
        return residentMb(pid());
    }

    /** Resident set size of process {@code pid} in MB, from /proc/PID/status. */
    static double residentMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    /** Heap in use after a full GC, in MB: {@code jcmd PID GC.run}, then {@code jcmd PID GC.heap_info}. */
    double heapAfterFullGcMb() throws IOException, InterruptedException {
        return heapAfterFullGcMb(pid());
    }

    /** The same for any JVM {@code pid} (the search cluster's, when the server uses one). */
    static double heapAfterFullGcMb(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IOException("cannot read the heap size from jcmd GC.heap_info:\n" + info);
        }
        return Long.parseLong(used.group(1)) / 1024.0;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed:\n" + out);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
