package org.nutrisearch.search;

import org.nutrisearch.corpus.Unit;

import java.util.List;

/**
 * One ranked unit with its snippet.
 *
 * @param snippet    the query's passage of the unit, or null when the request asked for none
 *                   ({@link SearchRequest#snippets()})
 * @param score      the ranking score (BM25-based, cosine-based or fused, by the search's mode)
 * @param similarity cosine similarity of the unit's embedding to the query's, or null when the search
 *                   compared no embeddings
 * @param questionSimilarity cosine similarity of the embedding of the question the unit answers
 *                   ({@code Unit.askedQuestion()}) to the query's, or null when the unit asks none or the
 *                   search compared no embeddings
 */
public record SearchHit(Unit unit, Snippet snippet, List<String> nutrients, float score, Float similarity,
                        Float questionSimilarity) {
    public SearchHit {
        nutrients = List.copyOf(nutrients);
    }

    /** This hit with {@code other} as its snippet. */
    public SearchHit withSnippet(Snippet other) {
        return new SearchHit(unit, other, nutrients, score, similarity, questionSimilarity);
    }

    /** A hit whose question was not compared. */
    public SearchHit(Unit unit, Snippet snippet, List<String> nutrients, float score, Float similarity) {
        this(unit, snippet, nutrients, score, similarity, null);
    }

    /** A hit found without embeddings. */
    public SearchHit(Unit unit, Snippet snippet, List<String> nutrients, float score) {
        this(unit, snippet, nutrients, score, null);
    }
}
