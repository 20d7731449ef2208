package org.nutrisearch.opensearch;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.ShardStatistics;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.CompletionSuggestOption;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.BuiltinHighlighterType;
import org.opensearch.client.opensearch.core.search.Suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs unit searches and suggestions against the index behind an alias, with opensearch-java's
 * typed API, building the same query as the embedded backend.
 *
 * <p>A unit matches on its own fields: words are a {@code most_fields} multi_match over heading,
 * question and text (field scores add up, heading and question weigh double), each phrase a required
 * {@code phrase} multi_match (best field plus a tenth of the others), excluded words a must_not. The
 * article title only adds to the score (weight 0.5), so a title word does not make every unit of that
 * article match. Filters on kind, nutrients and article; sort by score then id; the text highlighted;
 * nutrient and kind counts from terms aggregations. Statistics are gathered across shards first
 * ({@code dfs_query_then_fetch}), so ranking does not depend on the number of shards. Thread-safe.
 */
public final class OpenSearchUnitSearcher {

    /** A unit's own fields and their weights, the embedded backend's: heading and question say what a unit is about. */
    public static final Map<String, Double> FIELD_BOOSTS = Map.of(
            OpenSearchSchema.TEXT, 1.0,
            OpenSearchSchema.HEADING, 2.0,
            OpenSearchSchema.QUESTION, 2.0);
    /** The article title counts, but less than the unit's own words. */
    public static final float TITLE_BOOST = 0.5f;
    /** Score share of the other fields when a phrase matches several (dis_max tie breaker). */
    private static final float PHRASE_TIE_BREAKER = 0.1f;

    /** Characters per highlighted passage. */
    public static final int FRAGMENT_SIZE = 300;

    private static final String NUTRIENT_AGG = "nutrients";
    private static final String KIND_AGG = "kinds";
    private static final String SUGGESTION = "units";
    /** More than the lexicon has nutrients, so the counts are exact and complete. */
    private static final int MAX_NUTRIENT_BUCKETS = 200;
    private static final long RETRY_PAUSE_MILLIS = 100;

    private final OpenSearchClient client;
    private final String alias;
    private final List<String> weightedFields;

    public OpenSearchUnitSearcher(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
        List<String> fields = new ArrayList<>();
        FIELD_BOOSTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> fields.add(e.getKey() + "^" + e.getValue()));
        this.weightedFields = List.copyOf(fields);
    }

    /**
     * Runs {@code query}.
     *
     * @throws OpenSearchUnavailableException when the cluster cannot answer (or only some shards did)
     */
    public UnitSearchResult search(UnitQuery query) {
        SearchRequest request = SearchRequest.of(s -> s
                .index(alias)
                .searchType(SearchType.DfsQueryThenFetch)
                .query(query(query))
                .from(query.offset())
                .size(query.limit())
                .trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field(OpenSearchSchema.ID).order(SortOrder.Asc)))
                .source(src -> src.filter(f -> f.excludes(OpenSearchSchema.SUGGEST)))
                .highlight(h -> h
                        .type(t -> t.builtin(BuiltinHighlighterType.Unified))
                        .preTags(MarkedFragment.PRE_TAG)
                        .postTags(MarkedFragment.POST_TAG)
                        .fields(OpenSearchSchema.TEXT, f -> f
                                .fragmentSize(FRAGMENT_SIZE)
                                .numberOfFragments(1)
                                .noMatchSize(FRAGMENT_SIZE)))
                .aggregations(NUTRIENT_AGG, termsByCount(OpenSearchSchema.NUTRIENTS, MAX_NUTRIENT_BUCKETS))
                .aggregations(KIND_AGG, termsByCount(OpenSearchSchema.KIND, 20)));
        SearchResponse<UnitDocument> response = execute(() -> client.search(request, UnitDocument.class));

        List<UnitSearchResult.Hit> hits = new ArrayList<>();
        for (Hit<UnitDocument> hit : response.hits().hits()) {
            List<MarkedFragment> fragments = new ArrayList<>();
            for (String tagged : hit.highlight().getOrDefault(OpenSearchSchema.TEXT, List.of())) {
                fragments.add(MarkedFragment.parse(tagged));
            }
            hits.add(new UnitSearchResult.Hit(hit.source(), hit.score() == null ? 0 : hit.score(), fragments));
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new UnitSearchResult(total, hits,
                counts(response.aggregations().get(NUTRIENT_AGG)),
                counts(response.aggregations().get(KIND_AGG)));
    }

    /**
     * Up to {@code size} distinct titles, headings and questions starting with {@code prefix}
     * (case-insensitive, word by word), best first.
     */
    public List<String> suggest(String prefix, int size) {
        SearchRequest request = SearchRequest.of(s -> s
                .index(alias)
                .size(0)
                .source(src -> src.fetch(false))
                .suggest(sg -> sg.suggesters(SUGGESTION, f -> f
                        .prefix(prefix)
                        .completion(c -> c.field(OpenSearchSchema.SUGGEST).skipDuplicates(true).size(size)))));
        SearchResponse<UnitDocument> response = execute(() -> client.search(request, UnitDocument.class));
        List<String> texts = new ArrayList<>();
        for (Suggest<UnitDocument> suggestion : response.suggest().getOrDefault(SUGGESTION, List.of())) {
            for (CompletionSuggestOption<UnitDocument> option : suggestion.completion().options()) {
                texts.add(option.text());
            }
        }
        return texts;
    }

    private Query query(UnitQuery query) {
        return Query.of(q -> q.bool(b -> {
            if (query.positive()) {
                b.must(own -> own.bool(o -> {
                    if (!query.words().isBlank()) {
                        o.should(acrossFields(query.words(), TextQueryType.MostFields));
                    }
                    for (String phrase : query.phrases()) {
                        o.must(acrossFields(phrase, TextQueryType.Phrase));
                    }
                    return o;
                }));
                b.should(title -> title.bool(t -> {
                    t.boost(TITLE_BOOST);
                    if (!query.words().isBlank()) {
                        t.should(s -> s.match(m -> m.field(OpenSearchSchema.ARTICLE_TITLE)
                                .query(FieldValue.of(query.words()))));
                    }
                    for (String phrase : query.phrases()) {
                        t.should(s -> s.matchPhrase(m -> m.field(OpenSearchSchema.ARTICLE_TITLE).query(phrase)));
                    }
                    return t;
                }));
            } else {
                // No words: every unit, for listings and counts, or all but the excluded ones.
                b.must(m -> m.matchAll(a -> a));
            }
            for (String word : query.excluded()) {
                b.mustNot(acrossFields(word, TextQueryType.MostFields));
            }
            if (!query.kinds().isEmpty()) {
                b.filter(f -> f.terms(t -> t.field(OpenSearchSchema.KIND)
                        .terms(v -> v.value(query.kinds().stream().sorted().map(FieldValue::of).toList()))));
            }
            for (String nutrient : query.nutrients().stream().sorted().toList()) {
                // Every requested nutrient must be mentioned, as in the embedded backend.
                b.filter(f -> f.term(t -> t.field(OpenSearchSchema.NUTRIENTS).value(FieldValue.of(nutrient))));
            }
            if (query.articleId() != null) {
                b.filter(f -> f.term(t -> t.field(OpenSearchSchema.ARTICLE_ID).value(FieldValue.of(query.articleId()))));
            }
            return b;
        }));
    }

    private Query acrossFields(String text, TextQueryType type) {
        return Query.of(q -> q.multiMatch(mm -> {
            mm.query(text).fields(weightedFields).type(type);
            if (type == TextQueryType.Phrase) {
                mm.tieBreaker(PHRASE_TIE_BREAKER);
            } else {
                mm.operator(Operator.Or);
            }
            return mm;
        }));
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

    private void checkShards(ShardStatistics shards) {
        if (shards != null && shards.failed() > 0) {
            String reason = shards.failures().isEmpty() ? "" : ": " + shards.failures().get(0).reason().reason();
            throw new OpenSearchUnavailableException(
                    shards.failed() + " of " + shards.total() + " shards of '" + alias + "' failed" + reason, null);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    /**
     * Runs a request (and checks all shards answered), once more after a short pause when the cluster
     * could not answer: a search caught by a node leaving the cluster fails on that node only, and
     * its copies elsewhere answer the second try. What still fails becomes {@link OpenSearchUnavailableException}.
     */
    private <T> SearchResponse<T> execute(Call<SearchResponse<T>> call) {
        try {
            return attempt(call);
        } catch (OpenSearchUnavailableException first) {
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw first;
            }
            try {
                return attempt(call);
            } catch (OpenSearchUnavailableException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private <T> SearchResponse<T> attempt(Call<SearchResponse<T>> call) {
        SearchResponse<T> response;
        try {
            response = call.run();
        } catch (IOException e) {
            throw new OpenSearchUnavailableException(
                    "OpenSearch request failed: " + OpenSearchConnection.describe(e), e);
        } catch (OpenSearchException e) {
            if (OpenSearchFailures.isTransient(e)) {
                throw new OpenSearchUnavailableException("OpenSearch cannot serve '" + alias + "' now: "
                        + e.getMessage(), e);
            }
            throw e;
        }
        checkShards(response.shards());
        return response;
    }
}
