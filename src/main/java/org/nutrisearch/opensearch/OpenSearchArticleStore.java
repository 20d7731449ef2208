package org.nutrisearch.opensearch;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the articles index behind its alias: one article by id, all of them in id order (without
 * the article bodies), and their number. Thread-safe.
 */
public final class OpenSearchArticleStore {

    /** Articles read per request when listing them all. */
    private static final int PAGE = 1000;

    private final OpenSearchClient client;
    private final String alias;

    public OpenSearchArticleStore(OpenSearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** The article with this id, when the store has it. */
    public Optional<ArticleDocument> get(String id) {
        GetResponse<ArticleDocument> response = ClusterCalls.run(alias,
                () -> client.get(g -> g.index(alias).id(id), ArticleDocument.class));
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /** Every article in id order, without the article body (listing only: id, title, source, counts). */
    public List<ArticleDocument> list() {
        List<ArticleDocument> all = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<ArticleDocument> page = ClusterCalls.run(alias, () -> {
                SearchResponse<ArticleDocument> response = client.search(s -> {
                    s.index(alias).size(PAGE)
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                            .source(src -> src.filter(f -> f.excludes("article")));
                    if (from != null) {
                        s.searchAfter(from);
                    }
                    return s;
                }, ArticleDocument.class);
                ClusterCalls.requireAllShards(alias, response.shards());
                return response;
            });
            List<Hit<ArticleDocument>> hits = page.hits().hits();
            hits.forEach(h -> all.add(h.source()));
            if (hits.size() < PAGE) {
                return all;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    /** How many articles the store holds. */
    public long count() {
        return ClusterCalls.run(alias, () -> {
            var response = client.count(c -> c.index(alias));
            ClusterCalls.requireAllShards(alias, response.shards());
            return response.count();
        });
    }
}
