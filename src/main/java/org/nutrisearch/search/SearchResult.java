package org.nutrisearch.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total      number of matching units
 * @param hits       the requested page, best first, ties broken by unit id
 * @param facets     counts over all matches
 * @param didYouMean a corrected query when one is clearly better, else null
 * @param tookMs     server time spent
 * @param mode       how the units were retrieved (lexical when vectors were asked for but are not available)
 */
public record SearchResult(long total, List<SearchHit> hits, Facets facets, String didYouMean, double tookMs,
                           SearchMode mode) {
    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** A result retrieved lexically. */
    public SearchResult(long total, List<SearchHit> hits, Facets facets, String didYouMean, double tookMs) {
        this(total, hits, facets, didYouMean, tookMs, SearchMode.LEXICAL);
    }
}
