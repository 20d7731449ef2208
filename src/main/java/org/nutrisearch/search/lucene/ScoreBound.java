package org.nutrisearch.search.lucene;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's scoring clauses as one flat disjunction: it matches every document the query matches, and
 * scores each of them as the query does, up to float rounding (the same clause scores, summed in another
 * grouping). Lucene's MaxScore ranks such a disjunction without visiting every match: clauses whose
 * scores together cannot reach the page are only looked at for documents the others bring, and blocks
 * of documents are skipped by their best possible score. The query itself ({@link TopHits}) then decides
 * which of those documents match and what they score. Nested sums are taken apart with their boosts
 * multiplied down; every other clause (a term, a phrase, a dis_max, a constant score) stays one clause
 * of the disjunction. The query's own filters and exclusions at the top stay filters and exclusions.
 */
final class ScoreBound {

    /** Beyond this many scoring clauses the query is ranked as it is (Lucene's clause limit is 1 024). */
    static final int MAX_CLAUSES = 512;

    private ScoreBound() {
    }

    /**
     * The flat disjunction of {@code query}'s scoring clauses with its top-level filters and exclusions, or
     * null when it has no scoring clause or too many (the query is then ranked as it is).
     */
    static Query of(Query query) {
        List<Query> scoring = new ArrayList<>();
        List<BooleanClause> restricting = new ArrayList<>();
        if (query instanceof BooleanQuery b) {
            for (BooleanClause c : b.clauses()) {
                if (c.occur() == Occur.FILTER || c.occur() == Occur.MUST_NOT) {
                    restricting.add(c);
                } else {
                    addScoring(c.query(), 1f, scoring);
                }
            }
        } else {
            addScoring(query, 1f, scoring);
        }
        if (scoring.isEmpty() || scoring.size() > MAX_CLAUSES || !covered(query)) {
            return null;
        }
        BooleanQuery.Builder flat = new BooleanQuery.Builder();
        scoring.forEach(q -> flat.add(q, Occur.SHOULD));
        restricting.forEach(flat::add);
        if (restricting.stream().anyMatch(c -> c.occur() == Occur.FILTER)) {
            // Filters with optional clauses: without this every filtered document would match (the clauses
            // only adding to its score); with it Lucene ranks the clauses within the filter by MaxScore. The
            // query matches no document without one of them ({@link #covered}).
            flat.setMinimumNumberShouldMatch(1);
        }
        return flat.build();
    }

    /**
     * Whether every document {@code query} matches holds one of its scoring clauses: false for a sum that
     * a filter alone can satisfy (filters with optional clauses, or filters and exclusions only), which
     * the flat disjunction would miss.
     */
    static boolean covered(Query query) {
        return switch (query) {
            case BoostQuery b -> covered(b.getQuery());
            case BooleanQuery b -> {
                List<Query> required = new ArrayList<>();
                List<Query> optional = new ArrayList<>();
                boolean filtered = false;
                for (BooleanClause c : b.clauses()) {
                    switch (c.occur()) {
                        case MUST -> required.add(c.query());
                        case SHOULD -> optional.add(c.query());
                        case FILTER -> filtered = true;
                        case MUST_NOT -> { }
                    }
                }
                if (!required.isEmpty()) {
                    // A match holds every required clause: one of them covered is enough.
                    yield required.stream().anyMatch(ScoreBound::covered);
                }
                if (optional.isEmpty() || (filtered && b.getMinimumNumberShouldMatch() == 0)) {
                    yield false;
                }
                yield optional.stream().allMatch(ScoreBound::covered);
            }
            default -> true;
        };
    }

    /** The scoring clauses of {@code query} weighed by {@code boost}, sums taken apart. */
    private static void addScoring(Query query, float boost, List<Query> out) {
        switch (query) {
            case BoostQuery b -> addScoring(b.getQuery(), boost * b.getBoost(), out);
            case BooleanQuery b -> {
                for (BooleanClause c : b.clauses()) {
                    // Filters and exclusions below the top score nothing; the query itself applies them.
                    if (c.occur() == Occur.MUST || c.occur() == Occur.SHOULD) {
                        addScoring(c.query(), boost, out);
                    }
                }
            }
            default -> out.add(boost == 1f ? query : new BoostQuery(query, boost));
        }
    }
}
