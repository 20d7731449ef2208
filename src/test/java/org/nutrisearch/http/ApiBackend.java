package org.nutrisearch.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The search backends the end-to-end API tests run on. {@code -Dnutrisearch.test.backends=lucene}
 * runs them on the embedded index only (no OpenSearch cluster is started), for quick local runs.
 */
public enum ApiBackend {
    LUCENE,
    OPENSEARCH;

    /** The backends to test: all, or those named in the system property {@code nutrisearch.test.backends}. */
    public static Stream<ApiBackend> selected() {
        String names = System.getProperty("nutrisearch.test.backends", "");
        if (names.isBlank()) {
            return Arrays.stream(values());
        }
        return Arrays.stream(names.split(",")).map(n -> valueOf(n.strip().toUpperCase(Locale.ROOT)));
    }
}
