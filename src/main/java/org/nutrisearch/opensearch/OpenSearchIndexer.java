package org.nutrisearch.opensearch;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.indices.CreateIndexRequest;
import org.opensearch.client.opensearch.indices.GetAliasResponse;
import org.opensearch.client.opensearch.indices.stats.IndicesStatsMetric;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nutrisearch.search.suggest.SuggestionIndex;

/**
 * Builds a new unit index, a new articles index and a new suggestion index on OpenSearch and switches
 * the three aliases searches, article pages and search-as-you-type go through to them.
 *
 * <p>Each run creates fresh indexes named {@code <alias>-<UTC time>} (units),
 * {@code <alias>-articles-<UTC time>} (the article store) and {@code <alias>-suggest-<UTC time>},
 * bulk-indexes into them, checks the counts, then moves the aliases from the old indexes to the new
 * ones in a single atomic request and deletes the old indexes. Searches see either the old or the new indexes, never none and never half-built
 * ones, and a search result never names an article the article store does not have; a failed run
 * deletes its indexes and leaves the old ones served.
 */
public final class OpenSearchIndexer {

    /** The alias the search side reads when nothing else is configured. */
    public static final String DEFAULT_ALIAS = "nutrisearch";

    /** Appended to the unit alias to name the article store's alias and indexes. */
    public static final String ARTICLES_SUFFIX = "-articles";
    /** Appended to the unit alias to name the suggestions' alias and indexes. */
    public static final String SUGGEST_SUFFIX = "-suggest";
    /** Appended to the unit alias to name the alias and indexes of what each build holds ({@link BuildInfo}). */
    public static final String BUILD_SUFFIX = "-build";
    /** Words per vocabulary document of the build index (a few hundred kilobytes of JSON each). */
    static final int VOCABULARY_CHUNK = 10_000;

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

        /** The alias of the article store, switched together with {@link #alias()}. */
        public String articlesAlias() {
            return alias + ARTICLES_SUFFIX;
        }

        /** The alias of the suggestions, switched together with {@link #alias()}. */
        public String suggestAlias() {
            return alias + SUGGEST_SUFFIX;
        }

        /** The alias of the build record and vocabulary, switched together with {@link #alias()}. */
        public String buildAlias() {
            return alias + BUILD_SUFFIX;
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
     * @param index        the new unit index, now behind the alias
     * @param replaced     the indexes the two aliases pointed to before (now deleted)
     * @param indexed      units in the new index
     * @param articles     articles in the new articles index
     * @param bulkRequests bulk requests sent, retries included
     * @param retriedItems item sends repeated after a 429
     * @param health       the new index's health when the alias moved ({@code green} once replicas are assigned)
     * @param millis       wall time of the run
     */
    public record Result(String index, List<String> replaced, long indexed, long articles, int bulkRequests,
                         int retriedItems, String health, long millis) {
        public Result {
            replaced = List.copyOf(replaced);
        }
    }

    private final OpenSearchClient client;
    private final OpenSearchSchema schema;
    private final Options options;
    private final BulkRetry<Doc> bulk;

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

    /** A document to send: its id and its source. */
    private record Doc(String id, Object source) {
    }

    /** One of the indexes a run builds: the alias it goes behind, its new index, what it holds. */
    private record Part(String alias, String index, CreateIndexRequest create, List<Doc> docs) {
    }

    /**
     * Indexes {@code units}, {@code articles} and {@code suggestions} into new indexes and makes them
     * the ones behind the three aliases.
     *
     * @param synonymLines synonym rules in Solr format for the search analyzer
     * @throws BulkIndexingException when a document is refused; the aliases are left where they were
     */
    public Result reindex(List<UnitDocument> units, List<ArticleDocument> articles,
                          List<SuggestionIndex.Entry> suggestions, List<String> synonymLines) throws IOException {
        return reindex(units, articles, suggestions, synonymLines, BuildContent.empty());
    }

    /**
     * As {@link #reindex(List, List, List, List)}, keeping {@code content} (vocabulary, corpus manifest,
     * vector model) with the build in a fourth index switched with the other three.
     */
    public Result reindex(List<UnitDocument> units, List<ArticleDocument> articles,
                          List<SuggestionIndex.Entry> suggestions, List<String> synonymLines,
                          BuildContent content) throws IOException {
        long start = System.nanoTime();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String stamp = now.format(INDEX_TIME);
        var mapper = client._transport().jsonpMapper();
        BuildContent.UnitVectors vectors = content.vectors();
        String unitIndex = newIndexName(options.alias() + "-" + stamp);
        String articleIndex = newIndexName(options.articlesAlias() + "-" + stamp);
        String suggestIndex = newIndexName(options.suggestAlias() + "-" + stamp);
        String buildIndex = newIndexName(options.buildAlias() + "-" + stamp);
        List<Doc> suggestionDocs = new ArrayList<>(suggestions.size());
        for (int i = 0; i < suggestions.size(); i++) {
            suggestionDocs.add(new Doc(Integer.toString(i + 1), schema.source(suggestions.get(i))));
        }
        List<Part> parts = List.of(
                new Part(options.alias(), unitIndex,
                        schema.createRequest(unitIndex, options.layout(), synonymLines,
                                vectors == null ? null : vectors.dimension(), mapper),
                        units.stream().map(u -> new Doc(u.id(), schema.source(u,
                                vectors == null ? null : vectors.byUnit().get(u.id()),
                                vectors == null ? null : vectors.questions().get(u.id())))).toList()),
                new Part(options.articlesAlias(), articleIndex,
                        schema.articlesCreateRequest(articleIndex, options.layout(), mapper),
                        articles.stream().map(a -> new Doc(a.id(), a)).toList()),
                new Part(options.suggestAlias(), suggestIndex,
                        schema.suggestCreateRequest(suggestIndex, options.layout(), mapper), suggestionDocs),
                new Part(options.buildAlias(), buildIndex,
                        schema.buildCreateRequest(buildIndex, options.layout(), mapper),
                        buildDocs(unitIndex, now, units.size(), articles.size(), content)));
        List<String> created = new ArrayList<>();
        boolean published = false;
        try {
            int batches = 0;
            int retried = 0;
            for (Part part : parts) {
                client.indices().create(part.create());
                created.add(part.index());
                BulkRetry.Stats stats = bulk.sendAll(part.docs(), Doc::id, batch -> sendBatch(part.index(), batch));
                batches += stats.batches();
                retried += stats.retriedItems();
            }
            client.indices().refresh(r -> r.index(created));
            for (Part part : parts) {
                expectCount(part.index(), part.docs().size());
            }
            String health = awaitReplicas(created);
            // Read again just before the switch: another run may have switched since this one began.
            Map<String, List<String>> previous = new LinkedHashMap<>();
            for (Part part : parts) {
                previous.put(part.alias(), indexesBehind(part.alias()));
            }
            switchAliases(parts, previous);
            published = true;
            List<String> replaced = previous.values().stream().flatMap(List::stream).toList();
            deleteAfterDelay(replaced);
            return new Result(unitIndex, replaced, units.size(), articles.size(), batches, retried, health,
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            if (!published) {
                created.forEach(this::deleteQuietly);
            }
        }
    }

    /**
     * True when every node of the cluster runs the k-NN plugin, which a unit index with vectors needs
     * (a {@code knn_vector} field is refused without it).
     */
    public boolean clusterHasKnn() throws IOException {
        var nodes = client.nodes().info(n -> n.metric(org.opensearch.client.opensearch.nodes.info.NodesInfoMetric.Plugins)).nodes();
        if (nodes.isEmpty()) {
            return false;
        }
        for (var node : nodes.values()) {
            boolean knn = node.plugins() != null && node.plugins().stream().anyMatch(p ->
                    KNN_PLUGIN.equals(p.name()) || KNN_PLUGIN_CLASS.equals(p.classname()));
            if (!knn) {
                return false;
            }
        }
        return true;
    }

    /** The k-NN plugin's name in a distribution, and its class (the name of a plugin loaded from the classpath). */
    static final String KNN_PLUGIN = "opensearch-knn";
    static final String KNN_PLUGIN_CLASS = "org.opensearch.knn.plugin.KNNPlugin";

    /** The alias searches go through. */
    public String alias() {
        return options.alias();
    }

    /** Size of the primary copies of {@code index} on the cluster, in bytes. */
    public long primaryBytes(String index) throws IOException {
        var stats = client.indices().stats(s -> s.index(index).metric(IndicesStatsMetric.Store));
        return stats.all().primaries().store().sizeInBytes();
    }

    /** The unit indexes the alias points to now (empty before the first run). */
    public List<String> indexesBehindAlias() throws IOException {
        return indexesBehind(options.alias());
    }

    /** True when the unit, article, suggestion and build aliases all point to an index. */
    public boolean allAliasesSet() throws IOException {
        for (String alias : List.of(options.alias(), options.articlesAlias(), options.suggestAlias(),
                options.buildAlias())) {
            if (indexesBehind(alias).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The article indexes the articles alias points to now (empty before the first run). */
    public List<String> articleIndexesBehindAlias() throws IOException {
        return indexesBehind(options.articlesAlias());
    }

    private List<String> indexesBehind(String alias) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return List.of();
        }
        GetAliasResponse aliases = client.indices().getAlias(a -> a.name(alias));
        List<String> indexes = new ArrayList<>(aliases.result().keySet());
        Collections.sort(indexes);
        return indexes;
    }

    /**
     * The build record, the vocabulary in chunks of {@link #VOCABULARY_CHUNK} words (in word order) and
     * the topics in chunks of as many (in the order given).
     */
    private static List<Doc> buildDocs(String unitIndex, ZonedDateTime now, long units, long articles,
                                       BuildContent content) {
        List<String> words = new ArrayList<>(content.words().keySet());
        Collections.sort(words);
        List<Doc> docs = new ArrayList<>();
        for (int from = 0; from < words.size(); from += VOCABULARY_CHUNK) {
            List<String> chunk = words.subList(from, Math.min(words.size(), from + VOCABULARY_CHUNK));
            List<Integer> counts = chunk.stream().map(w -> content.words().get(w)).toList();
            docs.add(new Doc(BuildInfo.vocabularyDocumentId(docs.size()),
                    Map.of("vocabulary", Map.of("words", List.copyOf(chunk), "counts", counts))));
        }
        int vocabularyChunks = docs.size();
        List<String> topics = content.topics();
        int topicChunks = 0;
        for (int from = 0; from < topics.size(); from += VOCABULARY_CHUNK) {
            List<String> chunk = topics.subList(from, Math.min(topics.size(), from + VOCABULARY_CHUNK));
            docs.add(new Doc(BuildInfo.topicsDocumentId(topicChunks++), Map.of("topics", Map.of("names", List.copyOf(chunk)))));
        }
        BuildContent.UnitVectors vectors = content.vectors();
        BuildInfo info = new BuildInfo(unitIndex, now.format(DateTimeFormatter.ISO_INSTANT), units, articles,
                vocabularyChunks, vectors == null ? null : vectors.model(), content.corpus(), topicChunks,
                vectors == null ? 0 : vectors.questions().size());
        docs.add(new Doc(BuildInfo.DOCUMENT_ID, Map.of("build", info)));
        return docs;
    }

    private long expectCount(String index, int expected) throws IOException {
        long count = client.count(c -> c.index(index)).count();
        if (count != expected) {
            throw new BulkIndexingException("index " + index + " holds " + count + " documents, expected " + expected);
        }
        return count;
    }

    private List<BulkRetry.ItemOutcome> sendBatch(String index, List<Doc> batch) throws IOException {
        List<BulkOperation> operations = new ArrayList<>(batch.size());
        for (Doc doc : batch) {
            operations.add(BulkOperation.of(o -> o.index(i -> i.index(index).id(doc.id()).document(doc.source()))));
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
    private String awaitReplicas(List<String> indexes) throws IOException {
        HealthStatus wanted = options.layout().replicas() > 0 ? HealthStatus.Green : HealthStatus.Yellow;
        return client.cluster().health(h -> h.index(indexes).waitForStatus(wanted).timeout(t -> t.time("30s")))
                .status().jsonValue();
    }

    /** One request: every alias leaves its old indexes and points at its new one, atomically. */
    private void switchAliases(List<Part> parts, Map<String, List<String>> previous) throws IOException {
        client.indices().updateAliases(u -> {
            for (Part part : parts) {
                for (String old : previous.get(part.alias())) {
                    u.actions(a -> a.remove(r -> r.index(old).alias(part.alias())));
                }
                u.actions(a -> a.add(add -> add.index(part.index()).alias(part.alias())));
            }
            return u;
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

    private String newIndexName(String base) throws IOException {
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
