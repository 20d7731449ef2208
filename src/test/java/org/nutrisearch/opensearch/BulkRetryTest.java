package org.nutrisearch.opensearch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BulkRetryTest {

    /** A cluster that turns each document away (429) a given number of times, then takes it. */
    private static final class BusyCluster implements BulkRetry.BatchSender<String> {
        final Map<String, Integer> rejectionsLeft = new HashMap<>();
        final Map<String, Integer> failures = new HashMap<>();
        final List<List<String>> requests = new ArrayList<>();
        final List<String> stored = new ArrayList<>();

        @Override
        public List<BulkRetry.ItemOutcome> send(List<String> batch) {
            requests.add(List.copyOf(batch));
            List<BulkRetry.ItemOutcome> outcomes = new ArrayList<>();
            for (String doc : batch) {
                if (failures.containsKey(doc)) {
                    outcomes.add(new BulkRetry.ItemOutcome(failures.get(doc), "mapper_parsing_exception: bad"));
                } else if (rejectionsLeft.getOrDefault(doc, 0) > 0) {
                    rejectionsLeft.merge(doc, -1, Integer::sum);
                    outcomes.add(new BulkRetry.ItemOutcome(429, "es_rejected_execution_exception: queue full"));
                } else {
                    stored.add(doc);
                    outcomes.add(BulkRetry.ItemOutcome.ok());
                }
            }
            return outcomes;
        }
    }

    private final List<Duration> pauses = new ArrayList<>();

    private BulkRetry<String> retry(int batchSize, int maxRetries) {
        return new BulkRetry<>(batchSize, maxRetries, Duration.ofMillis(100), Duration.ofMillis(300), pauses::add);
    }

    private static List<String> docs(int n) {
        List<String> docs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            docs.add("d" + i);
        }
        return docs;
    }

    @Test
    void sendsInBatchesOfTheConfiguredSize() throws IOException {
        BusyCluster cluster = new BusyCluster();
        BulkRetry.Stats stats = retry(3, 5).sendAll(docs(7), Function.identity(), cluster);
        assertEquals(List.of(List.of("d1", "d2", "d3"), List.of("d4", "d5", "d6"), List.of("d7")), cluster.requests);
        assertEquals(docs(7), cluster.stored);
        assertEquals(new BulkRetry.Stats(7, 3, 0), stats);
        assertTrue(pauses.isEmpty());
    }

    @Test
    void resendsOnlyRejectedItemsWithGrowingPauses() throws IOException {
        BusyCluster cluster = new BusyCluster();
        cluster.rejectionsLeft.put("d2", 3);
        cluster.rejectionsLeft.put("d3", 1);
        BulkRetry.Stats stats = retry(4, 5).sendAll(docs(5), Function.identity(), cluster);
        assertEquals(List.of(
                List.of("d1", "d2", "d3", "d4"),
                List.of("d2", "d3"),
                List.of("d2"),
                List.of("d2"),
                List.of("d5")), cluster.requests);
        assertEquals(List.of("d1", "d4", "d3", "d2", "d5"), cluster.stored);
        // 100 ms, doubled to 200, then capped at 300.
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300)), pauses);
        assertEquals(new BulkRetry.Stats(5, 5, 4), stats);
    }

    @Test
    void givesUpWhenStillRejectedAfterMaxRetries() {
        BusyCluster cluster = new BusyCluster();
        cluster.rejectionsLeft.put("d1", 10);
        BulkIndexingException e = assertThrows(BulkIndexingException.class,
                () -> retry(10, 2).sendAll(docs(2), Function.identity(), cluster));
        assertEquals("1 documents still rejected (429) after 2 retries", e.getMessage());
        assertEquals(3, cluster.requests.size());
    }

    @Test
    void failsAtOnceOnAnErrorOtherThan429() {
        BusyCluster cluster = new BusyCluster();
        cluster.failures.put("d2", 400);
        BulkIndexingException e = assertThrows(BulkIndexingException.class,
                () -> retry(10, 5).sendAll(docs(3), Function.identity(), cluster));
        assertEquals("document d2 failed with status 400: mapper_parsing_exception: bad", e.getMessage());
        assertEquals(1, cluster.requests.size());
        assertTrue(pauses.isEmpty());
    }
}
