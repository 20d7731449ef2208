package org.nutrisearch.opensearch;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("opensearch")
class OpenSearchTestClusterTest {

    @Test
    void startsTwoNodesThatAnswerOverHttp() throws Exception {
        long t0 = System.nanoTime();
        try (OpenSearchTestCluster cluster = OpenSearchTestCluster.start()) {
            long t1 = System.nanoTime();
            System.gc();
            System.out.printf("cluster start ms=%d heapUsedAfterGcMB=%d maxHeapMB=%d%n", (t1 - t0) / 1_000_000,
                    java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            assertTrue(cluster.connection().verify().contains("3.8.0"));
            assertEquals(2, cluster.connection().client().cluster().health().numberOfNodes());
        }
    }
}
