package org.nutrisearch.search.lucene;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A query's scoring clauses as one flat disjunction, and when a query cannot be ranked through one. */
class ScoreBoundTest {

    private static TermQuery t(String field, String term) {
        return new TermQuery(new Term(field, term));
    }

    @Test
    void nestedSumsAreTakenApartWithTheirBoostsMultipliedAndTopFiltersStay() {
        Query dismax = new DisjunctionMaxQuery(List.of(t("text", "cramp"), t("heading", "cramp")), 0.1f);
        Query own = new BooleanQuery.Builder()
                .add(new BoostQuery(new BooleanQuery.Builder()
                        .add(new BoostQuery(t("text", "magnesium"), 2f), Occur.SHOULD)
                        .add(t("question", "magnesium"), Occur.SHOULD).build(), 0.5f), Occur.SHOULD)
                .add(dismax, Occur.MUST)
                .add(new ConstantScoreQuery(t("nutrient", "magnesium")), Occur.SHOULD)
                .add(t("kind", "faq"), Occur.FILTER)
                .build();
        Query query = new BooleanQuery.Builder()
                .add(own, Occur.MUST)
                .add(new BoostQuery(t("title", "leg"), 3f), Occur.SHOULD)
                .add(t("text", "iron"), Occur.MUST_NOT)
                .add(t("article", "a1"), Occur.FILTER)
                .build();
        Query expected = new BooleanQuery.Builder()
                .add(t("text", "magnesium"), Occur.SHOULD)
                .add(new BoostQuery(t("question", "magnesium"), 0.5f), Occur.SHOULD)
                .add(dismax, Occur.SHOULD)
                .add(new ConstantScoreQuery(t("nutrient", "magnesium")), Occur.SHOULD)
                .add(new BoostQuery(t("title", "leg"), 3f), Occur.SHOULD)
                .add(t("text", "iron"), Occur.MUST_NOT)
                .add(t("article", "a1"), Occur.FILTER)
                .setMinimumNumberShouldMatch(1)
                .build();
        assertEquals(expected, ScoreBound.of(query));
    }

    @Test
    void aPureDisjunctionNeedsNoMinimumOfClauses() {
        Query query = new BooleanQuery.Builder().add(t("text", "a"), Occur.SHOULD).add(t("text", "b"), Occur.SHOULD)
                .add(t("text", "c"), Occur.MUST_NOT).build();
        assertEquals(query, ScoreBound.of(query));
    }

    @Test
    void aQueryAFilterAloneCanSatisfyHasNoBound() {
        Query filteredOptional = new BooleanQuery.Builder().add(t("text", "a"), Occur.SHOULD)
                .add(t("kind", "faq"), Occur.FILTER).build();
        assertFalse(ScoreBound.covered(filteredOptional));
        assertNull(ScoreBound.of(filteredOptional));
        // The same inside a required clause: a unit of kind faq matches without "a".
        Query nested = new BooleanQuery.Builder().add(filteredOptional, Occur.MUST)
                .add(t("title", "b"), Occur.SHOULD).build();
        assertNull(ScoreBound.of(nested));
        Query onlyFilters = new BooleanQuery.Builder().add(t("kind", "faq"), Occur.FILTER)
                .add(t("text", "a"), Occur.MUST_NOT).build();
        assertNull(ScoreBound.of(onlyFilters));
        // Another required clause that holds a scoring clause covers every match.
        Query covered = new BooleanQuery.Builder().add(filteredOptional, Occur.MUST).add(t("text", "c"), Occur.MUST)
                .build();
        assertTrue(ScoreBound.covered(covered));
    }

    @Test
    void aMinimumOfOptionalClausesCoversAFilteredSum() {
        Query query = new BooleanQuery.Builder().add(t("text", "a"), Occur.SHOULD).add(t("text", "b"), Occur.SHOULD)
                .add(t("kind", "faq"), Occur.FILTER).setMinimumNumberShouldMatch(1).build();
        assertTrue(ScoreBound.covered(query));
        assertEquals(query, ScoreBound.of(query));
    }
}
