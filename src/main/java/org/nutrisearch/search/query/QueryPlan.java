package org.nutrisearch.search.query;

import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One search request, planned once: the text parsed and analysed, its synonyms, typo corrections and
 * the nutrients it names looked up, and (when the search compares embeddings) its query vector. Every
 * stage of a search reads this value (the Lucene queries, the search by meaning, the snippets, "did you
 * mean"); none parses or analyses the user's text again. Made by {@link QueryPlanner}; immutable.
 *
 * @param request         the request: filters, paging, ranking and mode asked for
 * @param ranking         the ranking it was planned for
 * @param user            words, phrases and exclusions as typed
 * @param words           the typed words, analysed, cut at {@link QueryPlanner#MAX_TERMS} terms
 * @param matching        the words' terms a unit may match on
 * @param scoringOnly     the terms of generic question words: they only add to the score of a match
 * @param phrases         the quoted phrases, analysed (required)
 * @param exclusions      the excluded words, analysed (each cut at {@link QueryPlanner#MAX_TERMS})
 * @param excludedPhrases the excluded phrases, analysed
 * @param synonyms        consumer ↔ clinical alternatives of stretches of the words
 * @param corrections     words the index does not know, with the analysed forms of their corrections
 * @param nutrientNames   nutrient names of several words found in the words (or their corrections)
 * @param nutrients       nutrient id → score added to units about it (named as typed or as corrected)
 * @param marks           what snippets mark, and how each term matched
 * @param correctedQuery  the whole query with its rare words replaced by their best correction, or null
 * @param vector          the query's embedding when the search compares embeddings, else null
 */
public record QueryPlan(SearchRequest request, RankingOptions ranking, UserQuery user, QueryTokens words,
                        List<QueryTokens.Token> matching, List<QueryTokens.Token> scoringOnly,
                        List<QueryTokens> phrases, List<QueryTokens> exclusions, List<QueryTokens> excludedPhrases,
                        List<SynonymExpander.Expansion> synonyms, List<Correction> corrections,
                        List<NutrientName> nutrientNames, Map<String, Float> nutrients, QueryTerms marks,
                        String correctedQuery, float[] vector) {

    public QueryPlan {
        matching = List.copyOf(matching);
        scoringOnly = List.copyOf(scoringOnly);
        phrases = List.copyOf(phrases);
        exclusions = List.copyOf(exclusions);
        excludedPhrases = List.copyOf(excludedPhrases);
        synonyms = List.copyOf(synonyms);
        corrections = List.copyOf(corrections);
        nutrientNames = List.copyOf(nutrientNames);
        nutrients = Map.copyOf(nutrients);
    }

    /**
     * A word the index does not know (or barely) and the analysed forms of its corrections, each with
     * its similarity (1 = the same word).
     */
    public record Correction(String word, Map<String, Float> stems) {
        public Correction {
            stems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stems));
        }
    }

    /**
     * A nutrient name of several words ("vitamin d"), analysed, counted as a phrase at {@code weight};
     * {@code corrected} when it was found only in the corrected words ("vitamin b21" → "vitamin b12").
     */
    public record NutrientName(QueryTokens tokens, float weight, boolean corrected) {
    }

    /** The text a query vector is made from: the words and phrases as typed. */
    public String embeddingText() {
        return user.positiveText();
    }

    /** Whether anything of the query can match a unit by its words (else only exclusions, or nothing). */
    public boolean searchable() {
        return !corrections.isEmpty() || !matching.isEmpty() || !synonyms.isEmpty()
                || phrases.stream().anyMatch(p -> !p.isEmpty());
    }

    /** The terms of nutrient names, typed ones only or with the corrected ones too: alone they weigh little. */
    public Set<String> namedTerms(boolean withCorrected) {
        Set<String> terms = new java.util.HashSet<>();
        for (NutrientName n : nutrientNames) {
            if (withCorrected || !n.corrected()) {
                terms.addAll(n.tokens().terms());
            }
        }
        return terms;
    }

    /** This plan with the query's embedding. */
    public QueryPlan withVector(float[] queryVector) {
        return new QueryPlan(request, ranking, user, words, matching, scoringOnly, phrases, exclusions,
                excludedPhrases, synonyms, corrections, nutrientNames, nutrients, marks, correctedQuery, queryVector);
    }
}
