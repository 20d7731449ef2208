package org.nutrisearch.eval;

import org.nutrisearch.index.IndexSummary;

import java.io.IOException;
import java.util.List;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;

/**
 * A judged corpus indexed into one backend, ready to have its queries ranked and scored: the embedded
 * index ({@link NfCorpusEvaluation}) or an OpenSearch cluster.
 */
public interface RankedCorpus extends AutoCloseable {

    /** What the indexing wrote. */
    IndexSummary summary();

    /** Scores {@code queries} with the ranking configured by {@code options}. */
    RankingEvaluator.Report run(List<EvalQuery> queries, RankingOptions options);

    /**
     * Scores {@code queries} retrieved in {@code mode} (semantic and hybrid fused by {@code hybrid}).
     * A backend without vectors runs lexical only.
     *
     * @throws UnsupportedOperationException for a mode this backend cannot evaluate
     */
    default RankingEvaluator.Report run(List<EvalQuery> queries, RankingOptions options, SearchMode mode,
                                        HybridOptions hybrid) {
        if (mode != SearchMode.LEXICAL) {
            throw new UnsupportedOperationException(mode.apiName() + " retrieval is evaluated on the embedded index only");
        }
        return run(queries, options);
    }

    @Override
    void close() throws IOException;
}
