package org.nutrisearch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON line per request on the logger {@value #LOGGER}: {@code ts, method, route, status,
 * durationMs}, {@code results} for a search or answer, and {@code q} only when query logging is
 * switched on. Health searches are sensitive, so by default no query text is ever written.
 */
final class AccessLog {

    /** The logger name, so the access log can be routed or silenced on its own. */
    static final String LOGGER = "nutrisearch.access";

    private final ObjectMapper json;
    private final boolean logQueries;
    private final Consumer<String> sink;

    /** Writes to the {@value #LOGGER} logger at INFO. */
    AccessLog(ObjectMapper json, boolean logQueries) {
        this(json, logQueries, LoggerFactory.getLogger(LOGGER)::info);
    }

    /** Writes each line to {@code sink} (tests). */
    AccessLog(ObjectMapper json, boolean logQueries, Consumer<String> sink) {
        this.json = json;
        this.logQueries = logQueries;
        this.sink = sink;
    }

    void write(Instant ts, String method, String route, int status, double durationMs, SearchOutcome outcome) {
        sink.accept(line(ts, method, route, status, durationMs, outcome));
    }

    String line(Instant ts, String method, String route, int status, double durationMs, SearchOutcome outcome) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ts", ts.toString());
        fields.put("method", method);
        fields.put("route", route);
        fields.put("status", status);
        fields.put("durationMs", Math.round(durationMs * 100) / 100.0);
        if (outcome != null) {
            fields.put("results", outcome.results());
            if (logQueries) {
                fields.put("q", outcome.query());
            }
        }
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
    }
}
