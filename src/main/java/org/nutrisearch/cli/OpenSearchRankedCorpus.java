package org.nutrisearch.cli;

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

    private OpenSearchRankedCorpus(OpenSearchConnection connection, Services services, String alias,
                                   IndexSummary summary) {
        this.connection = connection;
        this.services = services;
        this.alias = alias;
        this.summary = summary;
    }

    /** Indexes {@code articles} under {@code indexer}'s alias through {@code connection} (which it then owns). */
    static OpenSearchRankedCorpus index(OpenSearchConnection connection, Services services,
                                        OpenSearchCorpusIndexer indexer, List<Article> articles) {
        return new OpenSearchRankedCorpus(connection, services, indexer.alias(), indexer.index(articles));
    }

    @Override
    public IndexSummary summary() {
        return summary;
    }

    @Override
    public RankingEvaluator.Report run(List<EvalQuery> queries, RankingOptions options) {
        // A client of its own per run: the backend closes its connection when done.
        OpenSearchConnection own = OpenSearchConnection.open(connection.nodes());
        try (OpenSearchBackend backend = OpenSearchBackend.open(own, alias, services.lexicon(), services.json(),
                options, () -> { })) {
            return new RankingEvaluator(backend).run(queries);
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
