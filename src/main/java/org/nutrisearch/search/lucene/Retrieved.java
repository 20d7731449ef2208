package org.nutrisearch.search.lucene;

import java.util.List;

/**
 * What a search retrieved before its hits are read: the requested page of units, best first, and the
 * counts over every match (the total and the facets).
 *
 * @param page   the page's documents with their scores (offset applied)
 * @param counts facets and total over all matches, or null when the request asked for none
 *               ({@link org.nutrisearch.search.SearchRequest#counts()})
 */
record Retrieved(List<Ranked> page, FacetCounter.Counts counts) {

    Retrieved {
        page = List.copyOf(page);
    }

    /**
     * A document of a ranking.
     *
     * @param doc        Lucene document id in the generation's reader
     * @param score      the ranking's score
     * @param similarity the cosine of the unit's vector to the query's, or null when none was compared
     * @param questionSimilarity the cosine of the vector of the question the unit answers to the query's,
     *                   or null when the unit has none or none was compared
     */
    record Ranked(int doc, float score, Float similarity, Float questionSimilarity) {

        /** A document whose question was not compared. */
        Ranked(int doc, float score, Float similarity) {
            this(doc, score, similarity, null);
        }
    }
}
