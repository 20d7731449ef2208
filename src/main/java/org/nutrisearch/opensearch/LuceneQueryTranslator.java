package org.nutrisearch.opensearch;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.nutrisearch.index.UnitFields;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the Lucene query the embedded backend builds ({@code UnitQueryBuilder}) into the same query in
 * OpenSearch's query DSL, clause for clause, so both backends rank with one query: words, phrases,
 * synonyms, nutrient boosts and field weights are decided in one place, and OpenSearch scores exactly
 * what Lucene would (BM25 on the same terms, the same boosts).
 *
 * <p>Terms are already analysed, so they go out as {@code term} queries (no second analysis). A
 * phrase goes out as {@code match_phrase} with the index's {@value OpenSearchSchema#TERMS_ANALYZER}
 * analyzer, which only splits on spaces and turns the gap marker {@value #GAP} into a position gap:
 * the phrase keeps the holes left by stop words, as Lucene's does. The embedded index's document-type
 * filter has no counterpart (the unit index holds only units). Thread-safe, stateless.
 */
public final class LuceneQueryTranslator {

    /** Stands for a position without a term in a phrase; the standard tokenizer never emits it. */
    public static final String GAP = "|";

    /** Embedded field name → OpenSearch field name, where they differ. */
    private static final Map<String, String> FIELDS = Map.of(UnitFields.NUTRIENT, OpenSearchSchema.NUTRIENTS);

    private LuceneQueryTranslator() {
    }

    /**
     * The DSL form of {@code query}.
     *
     * @throws IllegalArgumentException for a query type the translation does not know
     */
    public static Query translate(org.apache.lucene.search.Query query) {
        return translate(query, 1f);
    }

    private static Query translate(org.apache.lucene.search.Query query, float boost) {
        return switch (query) {
            case BoostQuery b -> translate(b.getQuery(), boost * b.getBoost());
            case TermQuery t -> term(t.getTerm(), boost);
            case BooleanQuery b -> bool(b, boost);
            case DisjunctionMaxQuery d -> Query.of(q -> q.disMax(m -> m
                    .queries(d.getDisjuncts().stream().map(LuceneQueryTranslator::translate).toList())
                    .tieBreaker(d.getTieBreakerMultiplier())
                    .boost(boost)));
            case PhraseQuery p -> phrase(p, boost);
            case ConstantScoreQuery c -> Query.of(q -> q.constantScore(s -> s.filter(translate(c.getQuery())).boost(boost)));
            case MatchAllDocsQuery m -> Query.of(q -> q.matchAll(a -> a.boost(boost)));
            case MatchNoDocsQuery m -> Query.of(q -> q.matchNone(n -> n));
            default -> throw new IllegalArgumentException("no OpenSearch form for " + query.getClass().getSimpleName()
                    + ": " + query);
        };
    }

    private static String field(String embedded) {
        return FIELDS.getOrDefault(embedded, embedded);
    }

    private static Query term(Term term, float boost) {
        if (term.field().equals(UnitFields.DOC_TYPE)) {
            // Only units live in the unit index: "is a unit" holds for every document.
            return Query.of(q -> q.matchAll(a -> a.boost(boost)));
        }
        return Query.of(q -> q.term(t -> t.field(field(term.field())).value(FieldValue.of(term.text())).boost(boost)));
    }

    private static Query bool(BooleanQuery query, float boost) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (BooleanClause clause : query) {
            Query q = translate(clause.query());
            switch (clause.occur()) {
                case MUST -> bool.must(q);
                case SHOULD -> bool.should(q);
                case FILTER -> bool.filter(q);
                case MUST_NOT -> bool.mustNot(q);
            }
        }
        if (query.getMinimumNumberShouldMatch() > 0) {
            bool.minimumShouldMatch(Integer.toString(query.getMinimumNumberShouldMatch()));
        }
        boolean onlyShould = query.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD);
        if (onlyShould && query.getMinimumNumberShouldMatch() == 0 && !query.clauses().isEmpty()) {
            // Lucene: a disjunction needs one clause; OpenSearch says so explicitly in filter context too.
            bool.minimumShouldMatch("1");
        }
        return Query.of(q -> q.bool(bool.boost(boost).build()));
    }

    /** The terms in position order with a gap marker in every hole, for the terms analyzer. */
    private static Query phrase(PhraseQuery phrase, float boost) {
        Term[] terms = phrase.getTerms();
        if (terms.length == 0) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        int[] positions = phrase.getPositions();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            if (i > 0) {
                for (int gap = positions[i - 1] + 1; gap < positions[i]; gap++) {
                    words.add(GAP);
                }
            }
            words.add(terms[i].text());
        }
        String field = field(terms[0].field());
        return Query.of(q -> q.matchPhrase(m -> m
                .field(field)
                .query(String.join(" ", words))
                .analyzer(OpenSearchSchema.TERMS_ANALYZER)
                .slop(phrase.getSlop())
                .boost(boost)));
    }
}
