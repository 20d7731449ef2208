package org.nutrisearch.search.lucene;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rewritten query whose term clauses carry their term's {@link TermStates}, looked up once: every
 * weight Lucene builds from it (the counting pass, the ranking's candidates and its exact scores) then
 * reads the term's postings and statistics from them instead of seeking the term dictionary of every
 * segment again, once per pass and once per clause that repeats the term. The statistics are those a
 * plain term query looks up, so matches and scores do not change.
 */
final class TermsLookedUp {

    private TermsLookedUp() {
    }

    /** {@code query} (rewritten by {@code searcher}) with its term clauses' lookups done once. */
    static Query of(IndexSearcher searcher, Query query) throws IOException {
        return new Lookup(searcher).apply(query);
    }

    private record Lookup(IndexSearcher searcher, Map<Term, TermStates> states) {
        Lookup(IndexSearcher searcher) {
            this(searcher, new HashMap<>());
        }

        Query apply(Query query) throws IOException {
            return switch (query) {
                case TermQuery t -> new TermQuery(t.getTerm(), statesOf(t.getTerm()));
                case BoostQuery b -> new BoostQuery(apply(b.getQuery()), b.getBoost());
                case ConstantScoreQuery c -> new ConstantScoreQuery(apply(c.getQuery()));
                case DisjunctionMaxQuery d -> {
                    List<Query> disjuncts = new ArrayList<>(d.getDisjuncts().size());
                    for (Query q : d.getDisjuncts()) {
                        disjuncts.add(apply(q));
                    }
                    yield new DisjunctionMaxQuery(disjuncts, d.getTieBreakerMultiplier());
                }
                case BooleanQuery b -> {
                    BooleanQuery.Builder copy = new BooleanQuery.Builder()
                            .setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
                    for (BooleanClause c : b.clauses()) {
                        copy.add(apply(c.query()), c.occur());
                    }
                    yield copy.build();
                }
                default -> query;
            };
        }

        private TermStates statesOf(Term term) throws IOException {
            TermStates known = states.get(term);
            if (known == null) {
                known = TermStates.build(searcher, term, true);
                states.put(term, known);
            }
            return known;
        }
    }
}
