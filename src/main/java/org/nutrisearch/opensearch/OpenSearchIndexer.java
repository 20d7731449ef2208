package org.nutrisearch.opensearch;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.indices.GetAliasResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a new unit index on OpenSearch and switches the alias searches go through to it.
 *
 * <p>Each run creates a fresh index named {@code <alias>-<UTC time>}, bulk-indexes into it, checks
 * the count, then moves the alias from the old index to the new one in a single atomic request and
 * deletes the old index. Searches on the alias see either the old or the new index, never none and
 * never a half-built one; a failed run deletes its index and leaves the old one served.
 */
public final class OpenSearchIndexer {

    /** The alias the search side reads when nothing else is configured. */
    public static final String DEFAULT_ALIAS = "nutrisearch";

    private static final DateTimeFormatter INDEX_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    /**
     * How a run works.
     *
     * @param alias          the alias searches use; indexes are named after it
     * @param layout         shards and replicas of the new index
     * @param batchSize      documents per bulk request
     * @param maxRetries     times a document rejected with 429 is sent again before the run fails
     * @param initialBackoff pause before the first retry; doubles each time, up to 5 s
     * @param deleteDelay    pause between the alias switch and deleting the old index, so searches that
     *                       resolved the alias just before the switch can finish on the old one
     */
    public record Options(String alias, IndexLayout layout, int batchSize, int maxRetries, Duration initialBackoff,
                          Duration deleteDelay) {
        public Options {
            if (alias == null || alias.isBlank() || !alias.equals(alias.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("alias must be a non-empty lower-case name, was " + alias);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
            }
        }

        /** Alias {@code nutrisearch}, 1 shard and no replica, 500 per batch, 8 retries from 100 ms, 1 s delay. */
        public static Options defaults() {
            return new Options(DEFAULT_ALIAS, IndexLayout.single(), 500, 8, Duration.ofMillis(100), Duration.ofSeconds(1));
        }

        public Options withAlias(String value) {
            return new Options(value, layout, batchSize, maxRetries, initialBackoff, deleteDelay);
        }

        public Options withLayout(IndexLayout value) {
            return new Options(alias, value, batchSize, maxRetries, initialBackoff, deleteDelay);
        }

        public Options withBatchSize(int value) {
            return new Options(alias, layout, value, maxRetries, initialBackoff, deleteDelay);
        }

        public Options withDeleteDelay(Duration value) {
            return new Options(alias, layout, batchSize, maxRetries, initialBackoff, value);
        }
    }

    /**
     * What a run did.
     *
     * @param index        the new index, now behind the alias
     * @param replaced     the indexes the alias pointed to before (now deleted)
     * @param indexed      documents in the new index
     * @param bulkRequests bulk requests sent, retries included
     * @param retriedItems item sends repeated after a 429
     * @param health       the new index's health when the alias moved ({@code green} once replicas are assigned)
     * @param millis       wall time of the run
     */
    public record Result(String index, List<String> replaced, long indexed, int bulkRequests, int retriedItems,
                         String health, long millis) {
        public Result {
            replaced = List.copyOf(replaced);
        }
    }

    private final OpenSearchClient client;
    private final OpenSearchSchema schema;
    private final Options options;
    private final BulkRetry<UnitDocument> bulk;

    public OpenSearchIndexer(OpenSearchClient client, OpenSearchSchema schema, Options options) {
        this(client, schema, options, Thread::sleep);
    }

    OpenSearchIndexer(OpenSearchClient client, OpenSearchSchema schema, Options options, BulkRetry.Sleeper sleeper) {
        this.client = client;
        this.schema = schema;
        this.options = options;
        this.bulk = new BulkRetry<>(options.batchSize(), options.maxRetries(), options.initialBackoff(),
                Duration.ofSeconds(5), sleeper);
    }

    /**
     * Indexes {@code units} into a new index and makes it the one behind the alias.
     *
     * @param synonymLines synonym rules in Solr format for the search analyzer
     * @throws BulkIndexingException when a document is refused; the alias is left where it was
     */
    public Result reindex(List<UnitDocument> units, List<String> synonymLines) throws IOException {
        long start = System.nanoTime();
        List<String> previous = indexesBehindAlias();
        String index = newIndexName();
        client.indices().create(schema.createRequest(index, options.layout(), synonymLines, client._transport().jsonpMapper()));
        boolean published = false;
        try {
            BulkRetry.Stats stats = bulk.sendAll(units, UnitDocument::id, batch -> sendBatch(index, batch));
            client.indices().refresh(r -> r.index(index));
            long count = client.count(c -> c.index(index)).count();
            if (count != units.size()) {
                throw new BulkIndexingException("index " + index + " holds " + count + " documents, expected " + units.size());
            }
            String health = awaitReplicas(index);
            switchAlias(index, previous);
            published = true;
            deleteAfterDelay(previous);
            return new Result(index, previous, count, stats.batches(), stats.retriedItems(), health,
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            if (!published) {
                deleteQuietly(index);
            }
        }
    }

    /** The indexes the alias points to now (empty before the first run). */
    public List<String> indexesBehindAlias() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(options.alias())).value()) {
            return List.of();
        }
        GetAliasResponse aliases = client.indices().getAlias(a -> a.name(options.alias()));
        List<String> indexes = new ArrayList<>(aliases.result().keySet());
        Collections.sort(indexes);
        return indexes;
    }

    private List<BulkRetry.ItemOutcome> sendBatch(String index, List<UnitDocument> batch) throws IOException {
        List<BulkOperation> operations = new ArrayList<>(batch.size());
        for (UnitDocument unit : batch) {
            Map<String, Object> source = schema.source(unit);
            operations.add(BulkOperation.of(o -> o.index(i -> i.index(index).id(unit.id()).document(source))));
        }
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(operations).refresh(Refresh.False));
        } catch (OpenSearchException e) {
            if (e.status() == BulkRetry.TOO_MANY_REQUESTS) {
                // The whole request was turned away (indexing pressure): every item is to be sent again.
                return Collections.nCopies(batch.size(),
                        new BulkRetry.ItemOutcome(BulkRetry.TOO_MANY_REQUESTS, e.getMessage()));
            }
            throw e;
        }
        List<BulkRetry.ItemOutcome> outcomes = new ArrayList<>(batch.size());
        for (BulkResponseItem item : response.items()) {
            outcomes.add(item.error() == null
                    ? BulkRetry.ItemOutcome.ok()
                    : new BulkRetry.ItemOutcome(item.status(), item.error().type() + ": " + item.error().reason()));
        }
        return outcomes;
    }

    /**
     * With replicas, waits a little for them to be assigned so the new index can lose a node; a cluster
     * with too few nodes for its replicas stays yellow, which still serves, so this never fails.
     */
    private String awaitReplicas(String index) throws IOException {
        HealthStatus wanted = options.layout().replicas() > 0 ? HealthStatus.Green : HealthStatus.Yellow;
        return client.cluster().health(h -> h.index(index).waitForStatus(wanted).timeout(t -> t.time("30s")))
                .status().jsonValue();
    }

    private void switchAlias(String index, List<String> previous) throws IOException {
        client.indices().updateAliases(u -> {
            for (String old : previous) {
                u.actions(a -> a.remove(r -> r.index(old).alias(options.alias())));
            }
            return u.actions(a -> a.add(add -> add.index(index).alias(options.alias())));
        });
    }

    private void deleteAfterDelay(List<String> previous) throws IOException {
        if (previous.isEmpty()) {
            return;
        }
        try {
            Thread.sleep(options.deleteDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.indices().delete(d -> d.index(previous));
    }

    private void deleteQuietly(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            // The run already failed; its reason matters more than a leftover index.
        }
    }

    private String newIndexName() throws IOException {
        String base = options.alias() + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(INDEX_TIME);
        String name = base;
        for (int n = 2; exists(name); n++) {
            name = base + "-" + n; // two runs in the same millisecond
        }
        return name;
    }

    private boolean exists(String index) throws IOException {
        return client.indices().exists(e -> e.index(index)).value();
    }
}
