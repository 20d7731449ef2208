package org.nutrisearch.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * One JSON line per request on the logger {@value #LOGGER}: {@code ts, method, route, status,
 * durationMs}, {@code results} for a search or answer, and {@code q} only when query logging is
 * switched on. Health searches are sensitive, so by default no query text is ever written.
 */
final class AccessLog {

    /** The logger name, so the access log can be routed or silenced on its own. */
    static final String LOGGER = "nutrisearch.access";

    private final boolean logQueries;
    private final Consumer<String> sink;

    /** Writes to the {@value #LOGGER} logger at INFO. */
    AccessLog(boolean logQueries) {
        this(logQueries, LoggerFactory.getLogger(LOGGER)::info);
    }

    /** Writes each line to {@code sink} (tests). */
    AccessLog(boolean logQueries, Consumer<String> sink) {
        this.logQueries = logQueries;
        this.sink = sink;
    }

    void write(Instant ts, String method, String route, int status, double durationMs, SearchOutcome outcome) {
        sink.accept(line(ts, method, route, status, durationMs, outcome));
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
