package org.nutrisearch.opensearch;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test cluster itself: two nodes of OpenSearch 3.8, each answering on its own HTTP port. */
@Tag("opensearch")
class OpenSearchTestClusterTest {

    @Test
    void startsTwoNodesThatEachAnswerOverHttp() throws Exception {
        try (OpenSearchTestCluster cluster = OpenSearchTestCluster.start()) {
            assertEquals(2, cluster.httpUrls().size());
            assertEquals(2, cluster.connection().client().cluster().health().numberOfNodes());
            for (URI url : cluster.httpUrls()) {
                try (OpenSearchConnection one = OpenSearchConnection.open(List.of(url))) {
                    String who = one.verify();
                    assertTrue(who.matches("cluster nutrisearch-test-[0-9a-f]+, opensearch 3\\.8\\.0"), who);
                }
            }
        }
    }
}
