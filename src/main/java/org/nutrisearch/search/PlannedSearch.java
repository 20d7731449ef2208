package org.nutrisearch.search;

import org.nutrisearch.corpus.Unit;

import java.util.List;

/**
 * A search and the search for the units nearest by their own question, run from one plan of the query
 * ({@link SearchBackend#searchWithQuestions}), with that plan kept to mark the snippets of the few units a
 * caller shows afterwards: the query is parsed and analysed once for all three.
 *
 * @param result           the search's result
 * @param similarQuestions the units whose own question is nearest ({@link SearchBackend#similarQuestions}),
 *                         none when the search did not run by meaning
 * @param marker           the snippets of units of either list, as {@link SearchBackend#snippets} makes them
 */
public record PlannedSearch(SearchResult result, List<SearchHit> similarQuestions, Marker marker) {

    public PlannedSearch {
        similarQuestions = List.copyOf(similarQuestions);
    }

    /** Makes the snippets of units the search found, from its plan. */
    @FunctionalInterface
    public interface Marker {
        /** The snippets of {@code units}, in their order. */
        List<Snippet> snippets(List<Unit> units);
    }

    /** The snippets of {@code units} (hits of either list), in their order. */
    public List<Snippet> snippets(List<Unit> units) {
        return marker.snippets(units);
    }
}
