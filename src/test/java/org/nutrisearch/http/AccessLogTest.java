package org.nutrisearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The access log line is the JSON Jackson writes for its fields, whatever a query holds. */
class AccessLogTest {

    private static final Instant TS = Instant.parse("2026-12-07T04:24:11.932627940Z");

    private static String jackson(Map<String, Object> fields) throws Exception {
        return new ObjectMapper().writeValueAsString(fields);
    }

    private static Map<String, Object> fields(String method, String route, int status, double ms) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ts", TS.toString());
        fields.put("method", method);
        fields.put("route", route);
        fields.put("status", status);
        fields.put("durationMs", Math.round(ms * 100) / 100.0);
        return fields;
    }

    @Test
    void aRequestWithoutOutcome() throws Exception {
        String line = new AccessLog(false, s -> { }).line(TS, "GET", "/health", 200, 0.96723, null);
        assertEquals("{\"ts\":\"2026-12-07T04:24:11.932627940Z\",\"method\":\"GET\",\"route\":\"/health\",\"status\":200,"
                + "\"durationMs\":0.97}", line);
        assertEquals(jackson(fields("GET", "/health", 200, 0.96723)), line);
    }

    @Test
    void aSearchWithItsQueryEscapedAsJacksonEscapesIt() throws Exception {
        String q = "vitamin \"d\" \\ µg\t\n\r\b\f\u0001\u007f – 😀 \u2028 </script>";
        for (double ms : new double[] {0, 1e-9, 12.345, 1234567.891, 3.0}) {
            Map<String, Object> expected = fields("GET", "/api/search", 200, ms);
            expected.put("results", 42L);
            expected.put("q", q);
            SearchOutcome outcome = new SearchOutcome(SearchOutcome.SEARCH, q, true, 42, null, null);
            assertEquals(jackson(expected), new AccessLog(true, s -> { }).line(TS, "GET", "/api/search", 200, ms, outcome));
            expected.remove("q");
            assertEquals(jackson(expected), new AccessLog(false, s -> { }).line(TS, "GET", "/api/search", 200, ms, outcome));
        }
    }
}
