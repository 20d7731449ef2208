package org.nutrisearch.opensearch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cat.shards.ShardsRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 2-shard index with one replica keeps answering completely when one of the two nodes stops. */
@Tag("opensearch")
class OpenSearchFailoverTest {

    private static OpenSearchTestCluster cluster;
    private static OpenSearchClient client;
    private static OpenSearchIndexer.Result run;

    @BeforeAll
    static void indexWithReplica() throws IOException {
        cluster = OpenSearchTestCluster.start();
        client = cluster.connection().client();
        OpenSearchIndexer indexer = new OpenSearchIndexer(client, OpenSearchSchema.load(),
                OpenSearchIndexer.Options.defaults().withLayout(new IndexLayout(2, 1)));
        run = indexer.reindex(UnitFixtures.units(), UnitFixtures.SYNONYMS);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void searchesKeepFullResultsWhenTheSecondNodeStops() throws Exception {
        assertEquals("green", run.health());
        // Each node holds one copy of each of the two shards.
        assertEquals(Map.of("Node 1", 2, "Node 2", 2), startedCopiesByNode());

        OpenSearchUnitSearcher searcher = new OpenSearchUnitSearcher(client, OpenSearchIndexer.DEFAULT_ALIAS);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    long total = searcher.search(UnitQuery.of("magnesium")).total();
                    if (total != 4) {
                        problems.add("total " + total);
                    }
                    searches.incrementAndGet();
                } catch (RuntimeException e) {
                    problems.add(e.toString());
                }
            }
        }, "searches-during-node-stop");
        assertEquals(4, searcher.search(UnitQuery.of("magnesium")).total()); // warm up
        reader.start();
        int afterStop;
        try {
            awaitSearches(searches, 3);
            cluster.stopNode(2);
            cluster.awaitHealth(1, HealthStatus.Yellow);
            afterStop = searches.get();
            awaitSearches(searches, afterStop + 5);
        } finally {
            running.set(false);
            reader.join(10_000);
        }
        assertEquals(List.of(), problems);
        assertTrue(searches.get() >= afterStop + 5, "searches after the stop: " + (searches.get() - afterStop));

        assertEquals(Map.of("Node 1", 2), startedCopiesByNode());
        assertEquals(20, searcher.search(UnitQuery.all(Set.of(), Set.of(), null, 0, 0)).total());
    }

    /** Waits up to 20 s for the reader thread to have completed {@code count} searches. */
    private static void awaitSearches(AtomicInteger searches, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (searches.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static Map<String, Integer> startedCopiesByNode() throws IOException {
        Map<String, Integer> byNode = new TreeMap<>();
        for (ShardsRecord shard : client.cat().shards(s -> s.index(run.index())).valueBody()) {
            if ("STARTED".equals(shard.state())) {
                byNode.merge(shard.node(), 1, Integer::sum);
            }
        }
        return byNode;
    }
}
