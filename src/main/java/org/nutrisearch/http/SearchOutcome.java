package org.nutrisearch.http;

import io.javalin.http.Context;

/**
 * What a search or answer request asked and found, left on the request by its handler so that the
 * access log, the metrics and the analytics (all run once the response is written) can see it.
 * A handler calls {@link #search} or {@link #answer} once; nothing else is needed to be counted.
 *
 * @param endpoint      {@link #SEARCH} or {@link #ANSWER}
 * @param query         the query or question as validated (trimmed)
 * @param firstPage     false for a later page of the same search (not a new search for analytics)
 * @param results       matching units (search) or candidates considered (answer)
 * @param confidence    the best candidate's confidence (answer only), else null
 * @param declineReason why the answer was declined ("no_match", "low_confidence", …), null when answered or a search
 */
public record SearchOutcome(String endpoint, String query, boolean firstPage, long results, Double confidence,
                            String declineReason) {

    public static final String SEARCH = "search";
    public static final String ANSWER = "answer";
    private static final String ATTRIBUTE = SearchOutcome.class.getName();

    /** Records a search: {@code offset} > 0 marks a later page. */
    public static void search(Context ctx, String query, int offset, long total) {
        ctx.attribute(ATTRIBUTE, new SearchOutcome(SEARCH, query, offset == 0, total, null, null));
    }

    /**
     * Records an answer: {@code confidence} of the best candidate (null when there was none) and the
     * decline reason's API name, null when an answer was given.
     */
    public static void answer(Context ctx, String question, long candidates, Double confidence, String declineReason) {
        ctx.attribute(ATTRIBUTE, new SearchOutcome(ANSWER, question, true, candidates, confidence, declineReason));
    }

    /** The outcome a handler left on {@code ctx}, or null. */
    public static SearchOutcome of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /** Whether this is an answer that was declined. */
    public boolean declined() {
        return declineReason != null;
    }
}
