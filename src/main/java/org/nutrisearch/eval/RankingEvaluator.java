package org.nutrisearch.eval;


import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

/**
 * Runs judged queries through a {@link SearchBackend}, exactly as the search API would, and scores
 * the rankings: the one harness behind every figure in docs/relevance.md.
 */
public final class RankingEvaluator {

    /** Results fetched per query: enough for Recall@100. */
    public static final int DEPTH = 100;

    private final SearchBackend backend;
    private final SearchMode mode;

    /** An evaluator of the backend's default retrieval mode. */
    public RankingEvaluator(SearchBackend backend) {
        this(backend, null);
    }

    /** An evaluator of {@code mode} (null: the backend's default). */
    public RankingEvaluator(SearchBackend backend, SearchMode mode) {
        this.backend = backend;
        this.mode = mode;
    }

    /**
     * Per-query scores, overall means, means per category, how long the searches took, and how many
     * queries the backend answered in another mode than the one asked for (a semantic search of a query
     * with nothing to embed, only exclusions, runs lexically).
     */
    public record Report(List<QueryScore> scores, EvalSummary overall, Map<String, EvalSummary> byCategory,
                         QueryLatency latency, int otherMode) {
    }

    /** Searches every query once, in order, and scores the rankings. */
    public Report run(List<EvalQuery> queries) {
        List<QueryScore> scores = new ArrayList<>();
        long[] nanos = new long[queries.size()];
        int otherMode = 0;
        for (int i = 0; i < queries.size(); i++) {
            EvalQuery q = queries.get(i);
            long start = System.nanoTime();
            SearchResult result = backend.search(
                    new SearchRequest(q.text(), DEPTH, 0, Set.of(), Set.of(), null).withMode(mode));
            nanos[i] = System.nanoTime() - start;
            if (mode != null && result.mode() != mode) {
                otherMode++;
            }
            scores.add(score(q, result));
        }
        Map<String, List<QueryScore>> grouped = new TreeMap<>();
        for (QueryScore s : scores) {
            if (!s.category().isEmpty()) {
                grouped.computeIfAbsent(s.category(), c -> new ArrayList<>()).add(s);
            }
        }
        Map<String, EvalSummary> byCategory = new LinkedHashMap<>();
        grouped.forEach((c, list) -> byCategory.put(c, EvalSummary.of(list)));
        return new Report(List.copyOf(scores), EvalSummary.of(scores), byCategory, QueryLatency.of(nanos), otherMode);
    }

    /** Scores one ranking against the query's judgments. */
    public static QueryScore score(EvalQuery q, SearchResult result) {
        int[] ranked = gradesOf(q, result.hits());
        int[] judged = q.grades().values().stream().mapToInt(Integer::intValue).toArray();
        double rr = RankingMetrics.reciprocalRank(ranked, 10);
        int first = 0;
        for (int i = 0; i < ranked.length && first == 0; i++) {
            if (ranked[i] > 0) {
                first = i + 1;
            }
        }
        return new QueryScore(q.id(), q.category(),
                RankingMetrics.success(ranked, 1) ? 1 : 0,
                RankingMetrics.success(ranked, 3) ? 1 : 0,
                rr,
                RankingMetrics.ndcg(ranked, judged, 10),
                RankingMetrics.recall(ranked, judged, DEPTH),
                first);
    }

    static int[] gradesOf(EvalQuery q, List<SearchHit> hits) {
        int[] grades = new int[hits.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < hits.size(); i++) {
            String key = q.keyOf().apply(hits.get(i).unit());
            if (key != null && seen.add(key)) {
                grades[i] = q.grades().getOrDefault(key, 0);
            }
        }
        return grades;
    }
}
