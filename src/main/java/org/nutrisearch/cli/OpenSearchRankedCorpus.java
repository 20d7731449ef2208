package org.nutrisearch.cli;

import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.eval.EvalQuery;
import org.nutrisearch.eval.RankedCorpus;
import org.nutrisearch.eval.RankingEvaluator;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.opensearch.OpenSearchBackend;
import org.nutrisearch.opensearch.OpenSearchConnection;
import org.nutrisearch.opensearch.OpenSearchCorpusIndexer;

import java.io.IOException;
import java.util.List;
import org.nutrisearch.search.RankingOptions;

/**
 * A judged corpus indexed into its own alias on an OpenSearch cluster (1 shard), its queries ranked
 * by the OpenSearch backend exactly as the service would; the indexes are deleted on close.
 */
final class OpenSearchRankedCorpus implements RankedCorpus {

    private final OpenSearchConnection connection;
    private final Services services;
    private final String alias;
    private final IndexSummary summary;
    /** Embeds the queries of searches by meaning (the model the units were embedded with); null: lexical only. */
    private final TextEmbedder embedder;

    private OpenSearchRankedCorpus(OpenSearchConnection connection, Services services, String alias,
                                   IndexSummary summary, TextEmbedder embedder) {
        this.connection = connection;
        this.services = services;
        this.alias = alias;
        this.summary = summary;
        this.embedder = embedder;
    }

    /** Indexes {@code articles} under {@code indexer}'s alias through {@code connection} (which it then owns). */
    static OpenSearchRankedCorpus index(OpenSearchConnection connection, Services services,
                                        OpenSearchCorpusIndexer indexer, List<Article> articles) {
        return index(connection, services, indexer, articles, null);
    }

    /**
     * As {@link #index(OpenSearchConnection, Services, OpenSearchCorpusIndexer, List)}, the queries of
     * searches by meaning embedded by {@code embedder} (the indexer's model; null: lexical only).
     */
    static OpenSearchRankedCorpus index(OpenSearchConnection connection, Services services,
                                        OpenSearchCorpusIndexer indexer, List<Article> articles, TextEmbedder embedder) {
        return new OpenSearchRankedCorpus(connection, services, indexer.alias(), indexer.index(articles), embedder);
    }

    @Override
    public IndexSummary summary() {
        return summary;
    }

    @Override
    public RankingEvaluator.Report run(List<EvalQuery> queries, RankingOptions options) {
        // A client of its own per run: the backend closes its connection when done.
        OpenSearchConnection own = connection.reopen();
        try (OpenSearchBackend backend = OpenSearchBackend.open(own, alias, services.lexicon(), services.json(),
                options, () -> { })) {
            return new RankingEvaluator(backend).run(queries);
        }
    }

    /**
     * Scores {@code queries} retrieved in {@code mode} by the OpenSearch backend (searches by meaning through
     * the cluster's k-NN plugin), each run with a fresh query-vector cache, as on the embedded index.
     *
     * @throws IllegalStateException when {@code mode} needs vectors and the build has none
     */
    @Override
    public RankingEvaluator.Report run(List<EvalQuery> queries, RankingOptions options, SearchMode mode,
                                       HybridOptions hybrid) {
        OpenSearchConnection own = connection.reopen();
        try (OpenSearchBackend backend = OpenSearchBackend.open(own, alias, services.lexicon(), services.json(),
                options, () -> { }, mode, hybrid)) {
            if (mode.usesVectors()) {
                if (embedder == null) {
                    throw new IllegalStateException(mode.apiName() + " search needs a build with vectors");
                }
                backend.useQueryVectors(new QueryVectors(embedder, QueryVectors.DEFAULT_CAPACITY));
                if (!backend.vectorsAvailable()) {
                    throw new IllegalStateException("the OpenSearch build holds no vectors of " + embedder.modelId()
                            + " (does every node have the k-NN plugin?)");
                }
            }
            return new RankingEvaluator(backend, mode).run(queries);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            connection.client().indices().delete(d -> d.index(alias + "-*").ignoreUnavailable(true));
        } finally {
            connection.close();
        }
    }
}
