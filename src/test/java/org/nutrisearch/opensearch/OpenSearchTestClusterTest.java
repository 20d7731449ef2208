package org.nutrisearch.opensearch;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared test cluster itself: three nodes (one may have been stopped by a failover test) of OpenSearch 3.8, each answering on its own HTTP port. */
@Tag("integration")
@Tag("opensearch")
@ExtendWith(SharedOpenSearch.class)
class OpenSearchTestClusterTest {

    @Test
    void startsThreeNodesThatEachAnswerOverHttp(OpenSearchTestCluster cluster) throws Exception {
        assertEquals(SharedOpenSearch.NODES, cluster.httpUrls().size());
        // A test may have stopped a node before this one runs.
        assertEquals(cluster.liveNodes(), cluster.connection().client().cluster().health().numberOfNodes());
        for (URI url : cluster.liveUrls()) {
            try (OpenSearchConnection one = OpenSearchConnection.open(List.of(url))) {
                String who = one.verify();
                assertTrue(who.matches("cluster nutrisearch-test-[0-9a-f]+, opensearch 3\\.8\\.0"), who);
            }
        }
    }
}
