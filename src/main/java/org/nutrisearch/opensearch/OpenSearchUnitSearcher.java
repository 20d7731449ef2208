package org.nutrisearch.opensearch;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.MsearchResponse;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.msearch.MultiSearchItem;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.msearch.RequestItem;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.BuiltinHighlighterType;
import org.opensearch.client.opensearch.core.search.SourceConfig;
import org.nutrisearch.search.HybridFusion;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs unit searches against the index behind an alias, with opensearch-java's
 * typed API.
 *
 * <p>A search runs the embedded backend's own Lucene query, translated clause for clause
 * ({@link LuceneQueryTranslator}), sorted by score then id; the whole text highlighted; nutrient and
 * kind counts from terms aggregations. Statistics are gathered across shards first
 * ({@code dfs_query_then_fetch}), so ranking does not depend on the number of shards. Thread-safe.
 */
public final class OpenSearchUnitSearcher {

    private static final String NUTRIENT_AGG = "nutrients";
    /** The ranked lists of a search by meaning carry ids and scores only; the page's units are read after. */
    private static final SourceConfig IDS_ONLY = SourceConfig.of(c -> c.fetch(false));
    /** Reads unit sources that carry fields UnitDocument does not have (the embedding). */
    private static final ObjectMapper SOURCES = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Sources are read without the embeddings: a few kilobytes a unit that no search shows. */
    private static final SourceConfig WITHOUT_VECTOR = SourceConfig.of(c -> c.filter(f -> f
            .excludes(OpenSearchSchema.VECTOR, OpenSearchSchema.QUESTION_VECTOR)));
    private static final String KIND_AGG = "kinds";
    private static final String FREQUENCY_AGG = "frequencies";
    /** More than the lexicon has nutrients, so the counts are exact and complete. */
    private static final int MAX_NUTRIENT_BUCKETS = 200;

    private final OpenSearchClient client;
    private final String alias;

    public OpenSearchUnitSearcher(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /**
     * Runs {@code query} (as the embedded backend built it) and returns hits {@code offset} to
     * {@code offset + limit}, with counts over all matches.
     *
     * @throws OpenSearchUnavailableException when the cluster cannot answer (or only some shards did)
     */
    public UnitSearchResult search(org.apache.lucene.search.Query query, int offset, int limit) {
        return search(query, offset, limit, true);
    }

    /**
     * As {@link #search(org.apache.lucene.search.Query, int, int)}; without {@code highlight} the hits
     * carry no marked fragments (the cluster does not highlight them).
     */
    public UnitSearchResult search(org.apache.lucene.search.Query query, int offset, int limit, boolean highlight) {
        Query translated = LuceneQueryTranslator.translate(query);
        SearchRequest request = SearchRequest.of(s -> {
            s.index(alias)
                    .searchType(SearchType.DfsQueryThenFetch)
                    .query(translated)
                    .from(offset)
                    .size(limit)
                    .trackTotalHits(t -> t.enabled(true))
                    .source(WITHOUT_VECTOR)
                    .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(OpenSearchSchema.ID).order(SortOrder.Asc)))
                    .aggregations(NUTRIENT_AGG, termsByCount(OpenSearchSchema.NUTRIENTS, MAX_NUTRIENT_BUCKETS))
                    .aggregations(KIND_AGG, termsByCount(OpenSearchSchema.KIND, 20));
            return highlight ? s.highlight(h -> wholeTextMarked(h, null)) : s;
        });
        SearchResponse<UnitDocument> response = execute(() -> client.search(request, UnitDocument.class));

        List<UnitSearchResult.Hit> hits = new ArrayList<>();
        for (Hit<UnitDocument> hit : response.hits().hits()) {
            hits.add(new UnitSearchResult.Hit(hit.source(), hit.score() == null ? 0 : hit.score(), fragmentsOf(hit)));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new UnitSearchResult(total, hits,
                counts(response.aggregations().get(NUTRIENT_AGG)),
                counts(response.aggregations().get(KIND_AGG)));
    }

    /**
     * The text of each unit {@code ids} as {@link #search} highlights it for {@code query}, by unit id
     * (none for a unit whose text the query does not match): the query only marks, the ids select.
     */
    public Map<String, List<MarkedFragment>> highlights(org.apache.lucene.search.Query query, Collection<String> ids) {
        Query translated = LuceneQueryTranslator.translate(query);
        SearchRequest request = SearchRequest.of(s -> s
                .index(alias)
                .query(idsIn(ids))
                .size(ids.size())
                .trackTotalHits(t -> t.enabled(false))
                .source(IDS_ONLY)
                .highlight(h -> wholeTextMarked(h, translated)));
        SearchResponse<JsonNode> response = execute(() -> client.search(request, JsonNode.class));
        Map<String, List<MarkedFragment>> marked = new LinkedHashMap<>();
        for (Hit<JsonNode> hit : response.hits().hits()) {
            marked.put(hit.id(), fragmentsOf(hit));
        }
        return marked;
    }

    /**
     * The whole text with its matches marked (by {@code query}, or the search's own query when null): the
     * snippet passage is chosen by the embedded backend's rules, so both backends show the same passage.
     */
    private static Highlight.Builder wholeTextMarked(Highlight.Builder h, Query query) {
        h.type(t -> t.builtin(BuiltinHighlighterType.Unified))
                .preTags(MarkedFragment.PRE_TAG)
                .postTags(MarkedFragment.POST_TAG)
                .fields(OpenSearchSchema.TEXT, f -> f.numberOfFragments(0));
        return query == null ? h : h.highlightQuery(query);
    }

    private static List<MarkedFragment> fragmentsOf(Hit<?> hit) {
        List<MarkedFragment> fragments = new ArrayList<>();
        for (String tagged : hit.highlight().getOrDefault(OpenSearchSchema.TEXT, List.of())) {
            fragments.add(MarkedFragment.parse(tagged));
        }
        return fragments;
    }

    /**
     * The two ranked lists of a search by meaning: the units nearest the query vector (cosine, best first)
     * and, in a hybrid search, the first units the lexical query ranks (BM25, best first).
     */
    public record Rankings(List<HybridFusion.Ranked<String>> nearest, List<HybridFusion.Ranked<String>> lexical) {
    }

    /**
     * The {@code k} units whose embeddings lie nearest {@code vector} among those {@code filter} (as the
     * embedded backend built it) lets through, and, unless {@code lexical} is null, the first {@code depth}
     * units {@code lexical} ranks: in one round trip ({@code _msearch}), since neither list depends on
     * the other. The nearest come from the k-NN plugin's HNSW search, best first, ties by unit id, each with
     * its cosine similarity (the plugin's cosine score is {@code (1 + cosine) / 2}); the lexical ranking
     * is BM25 with statistics across shards, best first, ties by unit id; the other list is empty
     * without a lexical query.
     */
    public Rankings rankings(float[] vector, org.apache.lucene.search.Query filter, int k,
                             org.apache.lucene.search.Query lexical, int depth) {
        List<RequestItem> searches = new ArrayList<>(2);
        searches.add(knnSearch(OpenSearchSchema.VECTOR, vector, filter, k));
        if (lexical != null) {
            searches.add(lexicalRankingSearch(lexical, depth));
        }
        List<MultiSearchItem<JsonNode>> results = msearch(searches);
        return new Rankings(nearestOf(results.get(0)), lexical == null ? List.of() : rankedOf(results.get(1)));
    }

    /**
     * As the nearest list of {@link #rankings}, on the units' question vectors
     * ({@link OpenSearchSchema#QUESTION_VECTOR}): only units that ask a question have one.
     */
    public List<HybridFusion.Ranked<String>> nearestQuestions(float[] vector, org.apache.lucene.search.Query filter,
                                                              int k) {
        return nearestOf(msearch(List.of(knnSearch(OpenSearchSchema.QUESTION_VECTOR, vector, filter, k))).get(0));
    }

    /** The total and facets of a search by meaning, and the units of its page, read together. */
    public record CountsAndUnits(UnitSearchResult counts, Map<String, StoredUnit> units) {
    }

    /**
     * How many units {@code query} matches or are among {@code ids} (either may be absent: null, empty),
     * with their nutrient and kind counts (the total and facets of a search by meaning), and the stored
     * units {@code pageIds} (as {@link #units}): in one round trip ({@code _msearch}), since both only need the ranked lists.
     */
    public CountsAndUnits countsAndUnits(org.apache.lucene.search.Query query, Collection<String> ids,
                                         Collection<String> pageIds) {
        RequestItem counts = countSearch(query, ids);
        List<RequestItem> searches = new ArrayList<>(2);
        if (counts != null) {
            searches.add(counts);
        }
        if (!pageIds.isEmpty()) {
            searches.add(unitsSearch(pageIds));
        }
        List<MultiSearchItem<JsonNode>> results = msearch(searches);
        UnitSearchResult total = counts == null ? new UnitSearchResult(0, List.of(), Map.of(), Map.of())
                : countsOf(results.get(0));
        Map<String, StoredUnit> units = pageIds.isEmpty() ? Map.of() : unitsOf(results.get(results.size() - 1));
        return new CountsAndUnits(total, units);
    }

    /**
     * A unit as stored, with its embedding (null when the build has none) and its question's (null when
     * the build has none or the unit asks no question).
     */
    public record StoredUnit(UnitDocument unit, float[] vector, float[] questionVector) {
    }

    /**
     * The stored units {@code ids} (a page of a search by meaning: the ranked lists carry ids only), with
     * their embeddings and their questions', by id; an id the index does not hold is left out.
     */
    public Map<String, StoredUnit> units(Collection<String> ids) {
        return countsAndUnits(null, null, ids).units();
    }

    /** The first {@code depth} units {@code query} ranks, ids and scores only, ties by unit id. */
    private RequestItem lexicalRankingSearch(org.apache.lucene.search.Query query, int depth) {
        Query translated = LuceneQueryTranslator.translate(query);
        return RequestItem.of(r -> r
                .header(h -> h.index(alias).searchType(SearchType.DfsQueryThenFetch))
                .body(b -> b
                        .query(translated)
                        .size(depth)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(IDS_ONLY)
                        .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field(OpenSearchSchema.ID).order(SortOrder.Asc)))));
    }

    /** A k-NN search for the ids of the {@code k} units nearest {@code vector} in {@code field} within {@code filter}. */
    private RequestItem knnSearch(String field, float[] vector, org.apache.lucene.search.Query filter, int k) {
        List<Float> components = new ArrayList<>(vector.length);
        for (float v : vector) {
            components.add(v);
        }
        Query translatedFilter = LuceneQueryTranslator.translate(filter);
        return RequestItem.of(r -> r
                .header(h -> h.index(alias))
                .body(b -> b
                        .query(q -> q.knn(n -> n.field(field).vector(components).k(k).filter(translatedFilter)))
                        .size(k)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(IDS_ONLY)));
    }

    /** The count of {@link #countsAndUnits}, or null when there is nothing to count. */
    private RequestItem countSearch(org.apache.lucene.search.Query query, Collection<String> ids) {
        List<Query> either = new ArrayList<>();
        if (query != null) {
            either.add(LuceneQueryTranslator.translate(query));
        }
        if (ids != null && !ids.isEmpty()) {
            either.add(idsIn(ids));
        }
        if (either.isEmpty()) {
            return null;
        }
        return RequestItem.of(r -> r
                .header(h -> h.index(alias))
                .body(b -> b
                        .query(q -> q.bool(o -> o.should(either).minimumShouldMatch("1")))
                        .size(0)
                        .trackTotalHits(t -> t.enabled(true))
                        .aggregations(NUTRIENT_AGG, termsByCount(OpenSearchSchema.NUTRIENTS, MAX_NUTRIENT_BUCKETS))
                        .aggregations(KIND_AGG, termsByCount(OpenSearchSchema.KIND, 20))));
    }

    /** The units {@code ids}, whole (with their vectors). */
    private RequestItem unitsSearch(Collection<String> ids) {
        return RequestItem.of(r -> r
                .header(h -> h.index(alias))
                .body(b -> b
                        .query(idsIn(ids))
                        .size(ids.size())
                        .trackTotalHits(t -> t.enabled(false))));
    }

    private static Query idsIn(Collection<String> ids) {
        List<FieldValue> values = ids.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(OpenSearchSchema.ID).terms(v -> v.value(values))));
    }

    private static List<HybridFusion.Ranked<String>> nearestOf(MultiSearchItem<JsonNode> result) {
        List<HybridFusion.Ranked<String>> ranked = new ArrayList<>();
        for (Hit<JsonNode> hit : result.hits().hits()) {
            float score = hit.score() == null ? 0f : hit.score().floatValue();
            ranked.add(new HybridFusion.Ranked<>(hit.id(), 2 * score - 1, hit.id()));
        }
        return HybridFusion.bestFirst(ranked);
    }

    private static List<HybridFusion.Ranked<String>> rankedOf(MultiSearchItem<JsonNode> result) {
        List<HybridFusion.Ranked<String>> ranked = new ArrayList<>();
        for (Hit<JsonNode> hit : result.hits().hits()) {
            ranked.add(new HybridFusion.Ranked<>(hit.id(), hit.score() == null ? 0f : hit.score().floatValue(), hit.id()));
        }
        return ranked;
    }

    private static UnitSearchResult countsOf(MultiSearchItem<JsonNode> result) {
        long total = result.hits().total() == null ? 0 : result.hits().total().value();
        return new UnitSearchResult(total, List.of(), counts(result.aggregations().get(NUTRIENT_AGG)),
                counts(result.aggregations().get(KIND_AGG)));
    }

    private static Map<String, StoredUnit> unitsOf(MultiSearchItem<JsonNode> result) {
        Map<String, StoredUnit> units = new LinkedHashMap<>();
        for (Hit<JsonNode> hit : result.hits().hits()) {
            if (hit.source() != null) {
                units.put(hit.id(), storedUnit(hit.source()));
            }
        }
        return units;
    }
    /** A unit's source, read with its vectors. */
    private static StoredUnit storedUnit(JsonNode source) {
        return new StoredUnit(SOURCES.convertValue(source, UnitDocument.class),
                vectorOf(source.get(OpenSearchSchema.VECTOR)), vectorOf(source.get(OpenSearchSchema.QUESTION_VECTOR)));
    }

    /**
     * A vector as the source holds it (the floats the build sent, as JSON numbers), or null when absent.
     */
    private static float[] vectorOf(JsonNode vector) {
        if (vector == null || !vector.isArray()) {
            return null;
        }
        float[] v = new float[vector.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) vector.get(i).asDouble();
        }
        return v;
    }

    /** How many units {@code query} (as the embedded backend built it) matches. */
    public int count(org.apache.lucene.search.Query query) {
        Query translated = LuceneQueryTranslator.translate(query);
        return ClusterCalls.run(alias, () -> {
            var response = client.count(c -> c.index(alias).query(translated));
            ClusterCalls.requireAllShards(alias, response.shards());
            return (int) response.count();
        });
    }

    /** How many units the index behind the alias holds. */
    public long count() {
        return ClusterCalls.run(alias, () -> {
            var response = client.count(c -> c.index(alias));
            ClusterCalls.requireAllShards(alias, response.shards());
            return response.count();
        });
    }

    /**
     * For each analysed term, the number of units whose text, heading or question contains it (one
     * request: a filters aggregation with a bucket per term).
     */
    public Map<String, Long> unitFrequencies(Collection<String> terms) {
        List<String> distinct = terms.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        Map<String, Query> filters = new LinkedHashMap<>();
        for (String term : distinct) {
            filters.put(term, Query.of(q -> q.bool(b -> {
                for (String field : List.of(OpenSearchSchema.TEXT, OpenSearchSchema.HEADING, OpenSearchSchema.QUESTION)) {
                    b.should(t -> t.term(v -> v.field(field).value(FieldValue.of(term))));
                }
                return b.minimumShouldMatch("1");
            })));
        }
        SearchRequest request = SearchRequest.of(s -> s
                .index(alias)
                .size(0)
                .aggregations(FREQUENCY_AGG, a -> a.filters(f -> f.filters(v -> v.keyed(filters)))));
        SearchResponse<UnitDocument> response = execute(() -> client.search(request, UnitDocument.class));
        Map<String, Long> counts = new LinkedHashMap<>();
        var buckets = response.aggregations().get(FREQUENCY_AGG).filters().buckets().keyed();
        for (String term : distinct) {
            counts.put(term, buckets.get(term).docCount());
        }
        return Collections.unmodifiableMap(counts);
    }

    private static Aggregation termsByCount(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t
                .field(field)
                .size(size)
                .order(List.of(Map.of("_count", SortOrder.Desc), Map.of("_key", SortOrder.Asc)))));
    }

    private static Map<String, Long> counts(Aggregate aggregate) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (aggregate != null && aggregate.isSterms()) {
            for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                counts.put(bucket.key(), bucket.docCount());
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Runs {@code searches} in one round trip ({@code _msearch}; the cluster runs them side by side) and
     * returns their results in order. A search the cluster failed is thrown as the single search would
     * have thrown it (retried when transient); one that some shards did not answer, likewise.
     */
    private List<MultiSearchItem<JsonNode>> msearch(List<RequestItem> searches) {
        if (searches.isEmpty()) {
            return List.of();
        }
        return ClusterCalls.run(alias, () -> {
            MsearchResponse<JsonNode> response = client.msearch(m -> m.index(alias).searches(searches), JsonNode.class);
            List<MultiSearchItem<JsonNode>> results = new ArrayList<>(searches.size());
            for (MultiSearchResponseItem<JsonNode> item : response.responses()) {
                if (item.isFailure()) {
                    throw new OpenSearchException(item.failure());
                }
                ClusterCalls.requireAllShards(alias, item.result().shards());
                results.add(item.result());
            }
            return results;
        });
    }

    private <T> SearchResponse<T> execute(ClusterCalls.Call<SearchResponse<T>> call) {
        return ClusterCalls.run(alias, () -> {
            SearchResponse<T> response = call.run();
            ClusterCalls.requireAllShards(alias, response.shards());
            return response;
        });
    }
}
