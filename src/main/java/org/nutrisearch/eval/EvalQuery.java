package org.nutrisearch.eval;

import org.nutrisearch.corpus.Unit;

import java.util.Map;
import java.util.function.Function;

/**
 * A query with its judgments, in the form every judged set is reduced to.
 *
 * <p>Judgments are keyed by whatever the set names results by (a unit reference, an NFCorpus
 * document id); {@code keyOf} tells which key a returned unit stands for, or null when none. A key
 * counts once: a second unit standing for an already seen key is graded 0, as trec_eval would.
 *
 * @param id       the query's id in its set
 * @param text     the text to search for
 * @param category a group to report separately (the judged set's category), or "" for none
 * @param grades   judged key → grade (1 = relevant, 2 = highly relevant)
 * @param keyOf    the judged key a unit stands for, or null
 */
public record EvalQuery(String id, String text, String category, Map<String, Integer> grades,
                        Function<Unit, String> keyOf) {
    public EvalQuery {
        grades = Map.copyOf(grades);
    }
}
