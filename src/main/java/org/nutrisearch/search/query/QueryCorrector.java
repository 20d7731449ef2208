package org.nutrisearch.search.query;

import org.apache.lucene.search.Query;
import org.nutrisearch.search.SearchRequest;

import java.util.function.ToIntFunction;

/**
 * The "did you mean" of a search: the query with its unknown or rare words replaced by the closest
 * more common words of the index ({@link QueryPlan#correctedQuery()}, planned with the search), offered
 * only when the query as typed has few or no good matches (units holding all its words) and the
 * corrected one has clearly more. Backend-neutral: the counts come from the backend that runs the
 * queries. Thread-safe.
 */
public final class QueryCorrector {

    /** At most this many good matches count as "few". */
    static final int FEW = 2;
    /** The correction must find at least this many times as many good matches (and at least one). */
    static final int CLEARLY_MORE = 3;

    private final UnitQueryBuilder queries;

    public QueryCorrector(UnitQueryBuilder queries) {
        this.queries = queries;
    }

    /**
     * The corrected query text, or null when none is clearly better.
     *
     * @param matches counts the units a query matches, in the generation the plan's corrections come from
     */
    public String correct(QueryPlan plan, ToIntFunction<Query> matches) {
        String corrected = plan.correctedQuery();
        if (corrected == null) {
            return null;
        }
        int before = matches.applyAsInt(queries.allWords(plan));
        if (before > FEW) {
            return null;
        }
        SearchRequest request = plan.request();
        SearchRequest alternative = new SearchRequest(corrected, request.limit(), request.offset(), request.kinds(),
                request.nutrients(), request.articleId(), request.ranking());
        int after = matches.applyAsInt(queries.allWords(queries.bare(alternative)));
        return after >= Math.max(1, CLEARLY_MORE * before) && after > before ? corrected : null;
    }

    /**
     * As {@link #correct(QueryPlan, ToIntFunction)} for a request not planned yet.
     *
     * @param vocabulary the served generation's words
     * @param matches    counts the units a query matches, in the same generation
     */
    public String correct(SearchRequest request, Vocabulary vocabulary, ToIntFunction<Query> matches) {
        return correct(queries.plan(request, vocabulary), matches);
    }
}
