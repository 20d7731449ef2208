package org.nutrisearch.eval;

import java.util.List;
import java.util.Locale;

/** Mean metrics over a set of queries. */
public record EvalSummary(int queries, double success1, double success3, double mrr10, double ndcg10,
                          double recall100) {

    /** The means over {@code scores} (all zero for none). */
    public static EvalSummary of(List<QueryScore> scores) {
        int n = scores.size();
        if (n == 0) {
            return new EvalSummary(0, 0, 0, 0, 0, 0);
        }
        return new EvalSummary(n,
                scores.stream().mapToDouble(QueryScore::success1).sum() / n,
                scores.stream().mapToDouble(QueryScore::success3).sum() / n,
                scores.stream().mapToDouble(QueryScore::mrr10).sum() / n,
                scores.stream().mapToDouble(QueryScore::ndcg10).sum() / n,
                scores.stream().mapToDouble(QueryScore::recall100).sum() / n);
    }

    /** One table row: {@code | label | queries | S@1 | S@3 | MRR@10 | nDCG@10 | R@100 |}. */
    public String row(String label) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.4f | %.4f |",
                label, queries, success1, success3, mrr10, ndcg10, recall100);
    }

    /** The header that goes with {@link #row}. */
    public static String header(String labelColumn) {
        return "| " + labelColumn + " | queries | success@1 | success@3 | MRR@10 | nDCG@10 | Recall@100 |\n"
                + "|---|---:|---:|---:|---:|---:|---:|";
    }
}
