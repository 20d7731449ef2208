package org.nutrisearch.search.lucene;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leaves out of a query the term and phrase clauses that no document of a small index can match (a
 * query word in a field that never holds it, a correction's form in the heading field): Lucene would
 * look each of them up, and build its enumerators, on every pass over the query, only to drop the
 * clause. Dropping them first changes no match and no score: a clause that cannot match contributes
 * nothing, and a query that had several clauses keeps at least two (one left as it was), so Lucene
 * rewrites it into the same structure and sums the same scores in the same order. The term clauses kept
 * carry their term's {@link TermStates}, looked up once for the generation (a new query's words are
 * mostly words earlier queries had): Lucene then reads each term's statistics and postings from them
 * instead of seeking the term dictionary again on every search (the same statistics, so the same
 * scores). Holds every term of the index in memory, so it is only made for small indexes
 * ({@link ServedGeneration}). Thread-safe.
 */
final class TermPruner {

    /** Terms whose looked-up states are kept at most (a few hundred bytes each). */
    static final int STATES_KEPT = 50_000;

    private final Set<Term> indexed;
    private final IndexSearcher searcher;
    /** The states of the terms queries asked for so far, for {@link #searcher}'s reader. */
    private final Map<Term, TermStates> states = new ConcurrentHashMap<>();
    /**
     * The states of a term no document holds, as Lucene's own look-up finds them (no document, no leaf
     * state): only read, so one serves every such term.
     */
    private final TermStates absent;

    private TermPruner(Set<Term> indexed, IndexSearcher searcher) {
        this.indexed = indexed;
        this.searcher = searcher;
        this.absent = new TermStates(searcher.getTopReaderContext());
    }

    /** Every term of every indexed field of {@code searcher}'s reader; states looked up for that searcher. */
    static TermPruner of(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Set<Term> terms = new HashSet<>();
        for (FieldInfo field : FieldInfos.getMergedFieldInfos(reader)) {
            if (field.getIndexOptions() == IndexOptions.NONE) {
                continue;
            }
            Terms fieldTerms = MultiTerms.getTerms(reader, field.name);
            if (fieldTerms == null) {
                continue;
            }
            TermsEnum te = fieldTerms.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                terms.add(new Term(field.name, BytesRef.deepCopyOf(t)));
            }
        }
        return new TermPruner(terms, searcher);
    }

    /** Whether some document holds {@code term}. */
    boolean indexed(Term term) {
        return indexed.contains(term);
    }

    /**
     * The states of {@code term} (an indexed one), looked up on first use and kept while fewer than
     * {@link #STATES_KEPT} are: built with statistics, they are only read afterwards.
     */
    TermStates statesOf(Term term) {
        TermStates known = states.get(term);
        if (known == null) {
            try {
                known = TermStates.build(searcher, term, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (states.size() < STATES_KEPT) {
                states.putIfAbsent(term, known);
            }
        }
        return known;
    }

    /**
     * {@code query} without the clauses that cannot match, its term clauses carrying their states; a
     * query that cannot match at all as such.
     */
    Query prune(Query query) {
        Query pruned = pruneOrNull(query);
        return pruned == null ? new MatchNoDocsQuery("no indexed terms") : pruned;
    }

    /** The query without its unmatchable clauses, or null when it cannot match at all. */
    private Query pruneOrNull(Query query) {
        return switch (query) {
            case TermQuery t -> indexed(t.getTerm()) ? withStates(t) : null;
            case PhraseQuery p -> allIndexed(p.getTerms()) ? p : null;
            case BoostQuery b -> {
                Query inner = pruneOrNull(b.getQuery());
                yield inner == null ? null : inner == b.getQuery() ? b : new BoostQuery(inner, b.getBoost());
            }
            case ConstantScoreQuery c -> {
                Query inner = pruneOrNull(c.getQuery());
                yield inner == null ? null : inner == c.getQuery() ? c : new ConstantScoreQuery(inner);
            }
            case DisjunctionMaxQuery d -> pruneDisjunction(d);
            case BooleanQuery b -> pruneBoolean(b);
            default -> query;
        };
    }

    /** {@code t} with its term's kept states (itself when it carries them already). */
    private TermQuery withStates(TermQuery t) {
        TermStates kept = statesOf(t.getTerm());
        return t.getTermStates() == kept ? t : new TermQuery(t.getTerm(), kept);
    }

    private boolean allIndexed(Term[] terms) {
        for (Term t : terms) {
            if (!indexed(t)) {
                return false;
            }
        }
        return true;
    }

    private Query pruneDisjunction(DisjunctionMaxQuery d) {
        List<Query> kept = new ArrayList<>();
        Query firstDropped = null;
        boolean changed = false;
        for (Query q : d.getDisjuncts()) {
            Query p = pruneOrNull(q);
            if (p == null) {
                firstDropped = firstDropped == null ? q : firstDropped;
                changed = true;
            } else {
                changed |= p != q;
                kept.add(p);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        if (!changed) {
            return d;
        }
        if (kept.size() == 1 && d.getDisjuncts().size() > 1) {
            // Two disjuncts or more stay two or more: Lucene rewrites a single one into itself.
            kept.add(lookedUp(firstDropped));
        }
        return new DisjunctionMaxQuery(kept, d.getTieBreakerMultiplier());
    }

    private Query pruneBoolean(BooleanQuery b) {
        if (b.getMinimumNumberShouldMatch() != 0) {
            return b;
        }
        List<BooleanClause> kept = new ArrayList<>();
        BooleanClause firstDropped = null;
        boolean changed = false;
        int positive = 0;
        for (BooleanClause c : b.clauses()) {
            Query p = pruneOrNull(c.query());
            if (p == null) {
                if (c.isRequired()) {
                    return null;
                }
                // An optional clause or an exclusion that cannot match: without it, the same.
                firstDropped = firstDropped == null ? c : firstDropped;
                changed = true;
                continue;
            }
            changed |= p != c.query();
            kept.add(p == c.query() ? c : new BooleanClause(p, c.occur()));
            positive += c.occur() == BooleanClause.Occur.MUST_NOT ? 0 : 1;
        }
        if (positive == 0) {
            return null;
        }
        if (!changed) {
            return b;
        }
        if (kept.size() == 1 && b.clauses().size() > 1) {
            // Several clauses stay several: Lucene rewrites a query of one clause into that clause.
            kept.add(new BooleanClause(lookedUp(firstDropped.query()), firstDropped.occur()));
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        kept.forEach(builder::add);
        return builder.build();
    }

    /**
     * A clause that cannot match, kept so that its query keeps its structure, with every term clause in it
     * carrying its states (empty ones for a term no document holds): Lucene would otherwise seek the term
     * dictionary for each of its terms on every search, to find what is known already. The same weights:
     * a term's statistics are those a look-up finds.
     */
    private Query lookedUp(Query query) {
        return TermClauses.replace(query, t -> indexed(t.getTerm()) ? withStates(t)
                : t.getTermStates() == absent ? t : new TermQuery(t.getTerm(), absent));
    }
}
