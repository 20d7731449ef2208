package org.nutrisearch.search.lucene;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.HashMap;
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
            return TermClauses.replace(query, t -> new TermQuery(t.getTerm(), statesOf(t.getTerm())));
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
