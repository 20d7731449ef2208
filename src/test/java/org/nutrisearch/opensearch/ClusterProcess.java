package org.nutrisearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OpenSearch node run as a Java process of its own (its own classpath, apart from the service's
 * Lucene), started from one of the {@code tools/} projects: it writes a small file once it answers,
 * and stops when its standard input closes.
 */
final class ClusterProcess implements AutoCloseable {

    /** How long a node may take to start on a busy machine (the secured node took over 3 minutes at load 13). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(360);

    private final Process process;
    private final String started;

    private ClusterProcess(Process process, String started) {
        this.process = process;
        this.started = started;
    }

    /**
     * Starts {@code mainClass} on {@code classpath} with {@code args} followed by the path of the file it
     * writes when it answers, and returns once that file exists (its content in {@link #started()}).
     */
    static ClusterProcess start(String name, List<Path> classpath, String mainClass, String... args) {
        try {
            Path work = Files.createTempDirectory("nutrisearch-" + name + "-");
            Path startedFile = work.resolve("started");
            Path log = work.resolve("node.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms512m", "-Xmx1g", "-XX:+UseSerialGC", "-cp",
                    String.join(java.io.File.pathSeparator, classpath.stream().map(p -> p.toAbsolutePath() + "/*").toList()),
                    mainClass));
            command.addAll(List.of(args));
            command.add(startedFile.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!Files.exists(startedFile)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the " + name + " node exited with " + process.exitValue() + "; its log: " + log);
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the " + name + " node did not start within " + START_TIMEOUT + "; its log: " + log);
                }
                Thread.sleep(200);
            }
            return new ClusterProcess(process, Files.readString(startedFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the node wrote once it answered. */
    String started() {
        return started;
    }

    /** Closing its standard input ends the node, which deletes its data. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
