package org.nutrisearch.eval;

import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.search.RankingOptions;

import java.io.IOException;
import java.util.List;

/**
 * A judged corpus indexed into one backend, ready to have its queries ranked and scored: the embedded
 * index ({@link NfCorpusEvaluation}) or an OpenSearch cluster.
 */
public interface RankedCorpus extends AutoCloseable {

    /** What the indexing wrote. */
    IndexSummary summary();

    /** Scores {@code queries} with the ranking configured by {@code options}. */
    RankingEvaluator.Report run(List<EvalQuery> queries, RankingOptions options);

    @Override
    void close() throws IOException;
}
