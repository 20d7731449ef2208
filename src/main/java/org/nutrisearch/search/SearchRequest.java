package org.nutrisearch.search;

import org.nutrisearch.corpus.UnitKind;

import java.util.Set;

/**
 * A validated search.
 *
 * @param query     the text as typed (1–500 characters after trimming)
 * @param limit     results per page (1–100)
 * @param offset    results to skip (0–10000)
 * @param kinds     unit kinds to keep; empty keeps all
 * @param nutrients canonical nutrient ids every result must mention
 * @param articleId an article to search within, or null
 * @param ranking   how to rank, or null for the backend's own ranking (the search box's); a caller whose
 *                  behaviour was fitted on one ranking (the answer service) names it here
 * @param mode      lexical, semantic or hybrid retrieval, or null for the backend's default
 * @param snippets  false when the caller needs no snippets: a backend may then leave each hit's snippet
 *                  null (building them is much of a search's work) and build the few it needs later with
 *                  {@link SearchBackend#snippets}; the answer service ranks 30 hits and shows at most 4
 * @param counts    false when the caller needs the hits only: a backend may then leave out the count of all
 *                  matches and the facets (the result's total is then the number of hits and its facets
 *                  empty) and offer no "did you mean" (counting every match of a question is a good part of
 *                  a search's work, and the answer service reads none of it)
 */
public record SearchRequest(String query, int limit, int offset, Set<UnitKind> kinds, Set<String> nutrients,
                            String articleId, RankingOptions ranking, SearchMode mode, boolean snippets,
                            boolean counts) {
    public SearchRequest {
        kinds = Set.copyOf(kinds);
        nutrients = Set.copyOf(nutrients);
    }

    /** A request with its counts. */
    public SearchRequest(String query, int limit, int offset, Set<UnitKind> kinds, Set<String> nutrients,
                         String articleId, RankingOptions ranking, SearchMode mode, boolean snippets) {
        this(query, limit, offset, kinds, nutrients, articleId, ranking, mode, snippets, true);
    }

    /** A request whose hits come with their snippets. */
    public SearchRequest(String query, int limit, int offset, Set<UnitKind> kinds, Set<String> nutrients,
                         String articleId, RankingOptions ranking, SearchMode mode) {
        this(query, limit, offset, kinds, nutrients, articleId, ranking, mode, true);
    }

    /** A request retrieved in the backend's default mode. */
    public SearchRequest(String query, int limit, int offset, Set<UnitKind> kinds, Set<String> nutrients,
                         String articleId, RankingOptions ranking) {
        this(query, limit, offset, kinds, nutrients, articleId, ranking, null);
    }

    /** A request ranked the backend's own way. */
    public SearchRequest(String query, int limit, int offset, Set<UnitKind> kinds, Set<String> nutrients,
                         String articleId) {
        this(query, limit, offset, kinds, nutrients, articleId, null, null);
    }

    /** This request retrieved in {@code mode}. */
    public SearchRequest withMode(SearchMode mode) {
        return new SearchRequest(query, limit, offset, kinds, nutrients, articleId, ranking, mode, snippets, counts);
    }

    /** This request for the first {@code limit} results. */
    public SearchRequest withLimit(int limit) {
        return new SearchRequest(query, limit, offset, kinds, nutrients, articleId, ranking, mode, snippets, counts);
    }

    /** This request with hits whose snippets may be left out (null), see {@link #snippets()}. */
    public SearchRequest withoutSnippets() {
        return new SearchRequest(query, limit, offset, kinds, nutrients, articleId, ranking, mode, false, counts);
    }

    /** This request without the count of all matches, the facets and "did you mean", see {@link #counts()}. */
    public SearchRequest withoutCounts() {
        return new SearchRequest(query, limit, offset, kinds, nutrients, articleId, ranking, mode, snippets, false);
    }

    /** A first page of ten with no filters. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, 10, 0, Set.of(), Set.of(), null);
    }
}
