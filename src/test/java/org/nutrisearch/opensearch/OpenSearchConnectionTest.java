package org.nutrisearch.opensearch;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenSearchConnectionTest {

    @Test
    void parsesCommaSeparatedUrlsWithDefaultPort() throws Exception {
        try (OpenSearchConnection c = OpenSearchConnection.open("http://es1:9201, https://ES2 ,http://es3")) {
            assertEquals(List.of(URI.create("http://es1:9201"), URI.create("https://ES2:9200"),
                    URI.create("http://es3:9200")), c.nodes());
        }
    }

    @Test
    void rejectsSomethingThatIsNotAnHttpUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenSearchConnection.open("localhost:9200"));
        assertEquals("an OpenSearch URL looks like http://host:9200, not: localhost:9200", e.getMessage());
    }

    @Test
    void verifyNamesTheUrlAndTheReasonWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        try (OpenSearchConnection c = OpenSearchConnection.open(url)) {
            OpenSearchUnavailableException e = assertThrows(OpenSearchUnavailableException.class, c::verify);
            assertTrue(e.getMessage().startsWith("OpenSearch is not reachable at [" + url + "]: "), e.getMessage());
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        }
    }
}
