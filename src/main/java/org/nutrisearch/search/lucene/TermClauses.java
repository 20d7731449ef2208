package org.nutrisearch.search.lucene;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * A rewritten query with each of its term clauses replaced, the rest of its tree (boosts, constant
 * scores, disjunctions, boolean clauses and their occurs) kept as it is: the one walk behind
 * {@link TermsLookedUp} and {@link TermPruner}, which differ only in what they do to a term clause.
 * Other leaves (phrases, vectors) are kept as they are.
 */
final class TermClauses {

    private TermClauses() {
    }

    /** What becomes of one term clause; {@code E} is what it may throw (none: a runtime exception). */
    @FunctionalInterface
    interface Step<E extends Exception> {
        Query apply(TermQuery term) throws E;
    }

    /** {@code query} with every term clause replaced by {@code step}'s result. */
    static <E extends Exception> Query replace(Query query, Step<E> step) throws E {
        return switch (query) {
            case TermQuery t -> step.apply(t);
            case BoostQuery b -> {
                Query inner = replace(b.getQuery(), step);
                yield inner == b.getQuery() ? b : new BoostQuery(inner, b.getBoost());
            }
            case ConstantScoreQuery c -> {
                Query inner = replace(c.getQuery(), step);
                yield inner == c.getQuery() ? c : new ConstantScoreQuery(inner);
            }
            case DisjunctionMaxQuery d -> {
                List<Query> disjuncts = new ArrayList<>(d.getDisjuncts().size());
                for (Query q : d.getDisjuncts()) {
                    disjuncts.add(replace(q, step));
                }
                yield new DisjunctionMaxQuery(disjuncts, d.getTieBreakerMultiplier());
            }
            case BooleanQuery b -> {
                BooleanQuery.Builder copy = new BooleanQuery.Builder()
                        .setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
                for (BooleanClause c : b.clauses()) {
                    copy.add(replace(c.query(), step), c.occur());
                }
                yield copy.build();
            }
            default -> query;
        };
    }
}
