package org.nutrisearch.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One JSON line per request on standard error, where the service's log goes: {@code ts, method, route,
 * status, durationMs}, {@code results} for a search or answer, and {@code q} only when query logging is
 * switched on. Health searches are sensitive, so by default no query text is ever written. The lines
 * are written in batches ({@link BatchedLines}); none is built when the logger {@value #LOGGER} is
 * silenced.
 */
final class AccessLog implements AutoCloseable {

    /** The logger whose level switches the access log on (INFO, the default) or off. */
    static final String LOGGER = "nutrisearch.access";

    private final boolean logQueries;
    /** Where lines go (a {@link BatchedLines} this log closes, or a test's sink); null when silenced. */
    private final Consumer<String> sink;

    /** The access log of a server: batched to {@code out}, or nothing when the {@value #LOGGER} logger is below INFO. */
    static AccessLog of(boolean logQueries, PrintStream out) {
        return new AccessLog(logQueries, LoggerFactory.getLogger(LOGGER).isInfoEnabled()
                ? new BatchedLines(out, "access-log-flush") : null);
    }

    /** Writes each line to {@code sink} at once, on the calling thread (tests); none when it is null. */
    AccessLog(boolean logQueries, Consumer<String> sink) {
        this.logQueries = logQueries;
        this.sink = sink;
    }

    void write(Instant ts, String method, String route, int status, double durationMs, SearchOutcome outcome) {
        if (sink != null) {
            sink.accept(line(ts, method, route, status, durationMs, outcome));
        }
    }

    /** Writes the lines still buffered; lines after it are written at once. */
    @Override
    public void close() {
        if (sink instanceof BatchedLines batched) {
            batched.close();
        }
    }

    /**
     * The line, written directly (it is written for every request): the JSON Jackson writes for the same
     * fields in this order, strings escaped by Jackson's own encoder ({@code AccessLogTest} holds it to that).
     */
    String line(Instant ts, String method, String route, int status, double durationMs, SearchOutcome outcome) {
        StringBuilder line = new StringBuilder(128);
        line.append("{\"ts\":");
        string(line, ts.toString());
        line.append(",\"method\":");
        string(line, method);
        line.append(",\"route\":");
        string(line, route);
        line.append(",\"status\":").append(status);
        line.append(",\"durationMs\":").append(Math.round(durationMs * 100) / 100.0);
        if (outcome != null) {
            line.append(",\"results\":").append(outcome.results());
            if (logQueries) {
                line.append(",\"q\":");
                string(line, outcome.query());
            }
        }
        return line.append('}').toString();
    }

    private static void string(StringBuilder line, String value) {
        if (value == null) {
            line.append("null");
            return;
        }
        line.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, line);
        line.append('"');
    }
}
