package org.nutrisearch.opensearch;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.CompletionSuggestOption;
import org.opensearch.client.opensearch.core.search.Suggest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nutrisearch.search.Suggestion;
import org.nutrisearch.search.suggest.SuggestionIndex;

/**
 * Search-as-you-type on the cluster: the suggestion index holds what the embedded backend offers
 * (nutrients, recurring phrases, headings, questions), each with every word start of its keys as
 * completion inputs. OpenSearch's completion suggester finds the candidates for a prefix, heaviest
 * first (kind, then frequency); they are then ordered and capped exactly as the embedded suggestions
 * ({@link SuggestionIndex}). Thread-safe.
 */
public final class OpenSearchSuggester {

    /** Candidates asked of the cluster per prefix: enough for the final order to pick the same few. */
    static final int CANDIDATES = 200;
    private static final String NAME = "suggestions";

    /** A suggestion as stored (its completion inputs left out). */
    record Stored(String text, String kind, int frequency, List<String> keys) {
    }

    private final OpenSearchClient client;
    private final String alias;

    public OpenSearchSuggester(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Up to {@code limit} suggestions for what has been typed so far (case and punctuation ignored). */
    public List<Suggestion> suggest(String prefix, int limit) {
        String typed = SuggestionIndex.normalize(prefix);
        if (typed.isEmpty() || limit <= 0) {
            return List.of();
        }
        SearchRequest request = SearchRequest.of(s -> s
                .index(alias)
                .size(0)
                .source(src -> src.filter(f -> f.includes("text", "kind", "frequency", "keys")))
                .suggest(sg -> sg.suggesters(NAME, f -> f
                        .prefix(typed)
                        .completion(c -> c.field(OpenSearchSchema.COMPLETE).size(CANDIDATES)))));
        SearchResponse<Stored> response = ClusterCalls.run(alias, () -> {
            SearchResponse<Stored> r = client.search(request, Stored.class);
            ClusterCalls.requireAllShards(alias, r.shards());
            return r;
        });
        Map<String, SuggestionIndex.Entry> candidates = new LinkedHashMap<>();
        for (Suggest<Stored> suggestion : response.suggest().getOrDefault(NAME, List.of())) {
            for (CompletionSuggestOption<Stored> option : suggestion.completion().options()) {
                Stored s = option.source();
                if (s != null) {
                    candidates.putIfAbsent(s.kind() + "\n" + s.text(),
                            new SuggestionIndex.Entry(s.text(), s.kind(), s.frequency(), s.keys()));
                }
            }
        }
        return SuggestionIndex.of(List.copyOf(candidates.values())).suggest(prefix, limit);
    }
}
