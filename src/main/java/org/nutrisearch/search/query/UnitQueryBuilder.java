package org.nutrisearch.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Lucene queries of a {@link QueryPlan}: words score across the text fields (title, heading and
 * question weigh more than body text), quoted phrases are required, excluded words and filters restrict.
 * On top of the words as typed, and always weighing less than them: their consumer ↔ clinical synonyms,
 * the nutrients they name, and corrections of words the index does not know (see {@link RankingOptions}).
 * Plans with its {@link QueryPlanner}. Thread-safe.
 */
public final class UnitQueryBuilder {

    /** Analysed terms taken from the words and exclusions of one query ({@link QueryPlanner#MAX_TERMS}). */
    public static final int MAX_TERMS = QueryPlanner.MAX_TERMS;

    /** Units only (the index holds article documents beside them). */
    private static final Query UNITS = new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT));

    private final QueryPlanner planner;
    private final FieldQueries fields;

    /** Words as typed only ({@link RankingOptions#BASELINE}). */
    public UnitQueryBuilder(Analyzer analyzer) {
        this(analyzer, null, null, RankingOptions.BASELINE);
    }

    /**
     * @param analyzer         the index's analyzer ({@link TextAnalyzers#english()})
     * @param synonymAnalyzer  the same with synonyms ({@link TextAnalyzers#englishWithSynonyms}), or null for none
     * @param tagger           recognises nutrients named in the query, or null for none
     */
    public UnitQueryBuilder(Analyzer analyzer, Analyzer synonymAnalyzer, NutrientTagger tagger, RankingOptions options) {
        this(new QueryPlanner(analyzer, synonymAnalyzer, tagger, options));
    }

    private UnitQueryBuilder(QueryPlanner planner) {
        this.planner = planner;
        this.fields = new FieldQueries(planner.options());
    }

    /**
     * The builder the service ranks with, on either backend: English analysis, the shipped synonym
     * file, nutrients recognised by {@code tagger}, ranking tuned by {@code options}.
     */
    public static UnitQueryBuilder standard(NutrientTagger tagger, RankingOptions options) {
        return new UnitQueryBuilder(QueryPlanner.of(TextAnalyzers.english(), TextAnalyzers.defaultSynonyms(), tagger, options));
    }

    public RankingOptions options() {
        return planner.options();
    }

    /** A builder like this one (same analysis, synonyms and tagger) ranking with {@code other}. */
    public UnitQueryBuilder withOptions(RankingOptions other) {
        return other.equals(options()) ? this : new UnitQueryBuilder(planner.withOptions(other));
    }

    /** The plan of {@code request}, corrections from {@code vocabulary} (none when null). */
    public QueryPlan plan(SearchRequest request, Vocabulary vocabulary) {
        return planner.plan(request, vocabulary);
    }

    /** The query and the terms snippets should mark. */
    public record Built(Query query, QueryTerms terms) {
    }

    /** The query without typo corrections (they need the index's vocabulary). */
    public Built build(SearchRequest request) {
        return build(request, null);
    }

    /** The query for {@code request}, with corrections from {@code vocabulary} (none when null). */
    public Built build(SearchRequest request, Vocabulary vocabulary) {
        QueryPlan plan = plan(request, vocabulary);
        return new Built(query(plan), plan.marks());
    }

    /** The ranking query of {@code plan}. */
    public Query query(QueryPlan plan) {
        // A unit matches on its own fields; the article title only adds to the score, or every unit
        // of an article titled "…leg cramps…" would match "cramps".
        BooleanQuery.Builder own = new BooleanQuery.Builder();
        BooleanQuery.Builder title = new BooleanQuery.Builder();
        RankingOptions options = plan.ranking();
        Query scoringOnly = null;
        if (!plan.words().text().isBlank()) {
            for (QueryPlan.Correction c : plan.corrections()) {
                own.add(new BoostQuery(fields.corrections(c.stems()), options.fuzzyWeight()), Occur.SHOULD);
            }
            if (!plan.matching().isEmpty()) {
                for (QueryPlan.NutrientName name : plan.nutrientNames()) {
                    own.add(new BoostQuery(fields.phrase(name.tokens()), name.weight()), Occur.SHOULD);
                }
                own.add(fields.terms(plan.matching(), plan.namedTerms(true)), Occur.SHOULD);
                title.add(FieldQueries.title(plan.words().tokens(), false), Occur.SHOULD);
                scoringOnly = fields.terms(plan.scoringOnly(), plan.namedTerms(false));
            }
            for (SynonymExpander.Expansion e : plan.synonyms()) {
                own.add(new BoostQuery(synonyms(e), options.synonymWeight()), Occur.SHOULD);
            }
        }
        for (QueryTokens phrase : plan.phrases()) {
            Query q = fields.phrase(phrase);
            if (q != null) {
                own.add(q, Occur.MUST);
                title.add(FieldQueries.title(phrase.tokens(), true), Occur.SHOULD);
            }
        }
        BooleanQuery.Builder main = new BooleanQuery.Builder();
        if (plan.searchable()) {
            plan.nutrients().forEach((id, weight) -> {
                Query about = new ConstantScoreQuery(new TermQuery(new Term(UnitFields.NUTRIENT, id)));
                own.add(new BoostQuery(about, weight), Occur.SHOULD);
            });
            main.add(own.build(), Occur.MUST);
            if (scoringOnly != null) {
                main.add(scoringOnly, Occur.SHOULD);
            }
            BooleanQuery titleQuery = title.build();
            if (!titleQuery.clauses().isEmpty()) {
                main.add(new BoostQuery(titleQuery, options.titleBoost()), Occur.SHOULD);
            }
        } else if (plan.user().onlyExclusions()) {
            main.add(new MatchAllDocsQuery(), Occur.MUST);
            main.add(UNITS, Occur.FILTER);
        } else {
            // Every word was a stop word or punctuation: nothing can match.
            return new MatchNoDocsQuery("no searchable words");
        }
        addExclusions(main, plan, MAX_TERMS - plan.words().size());
        addFilters(main, plan.request());
        return main.build();
    }

    /** One stretch of the query a synonym line matched: the best-matching alternative counts. */
    private Query synonyms(SynonymExpander.Expansion e) {
        List<Query> alternatives = new ArrayList<>();
        int typedTerms = e.typed() == null ? 1 : e.typed().terms().size();
        for (SynonymExpander.TermSequence alt : e.alternatives()) {
            // An alternative stands in for the typed stretch: "hypokalemia" for the two words
            // "low potassium" counts like two words, "restless legs syndrome" for "rls" like one.
            float standIn = (float) typedTerms / alt.terms().size();
            alternatives.add(new BoostQuery(fields.sequence(alt), standIn));
        }
        return new DisjunctionMaxQuery(alternatives, 0f);
    }

    /**
     * Units holding every word of the plan as typed (stemmed, in any of the unit's own fields) and its
     * phrases, within its filters: the "good matches" a correction is judged by.
     */
    Query allWords(QueryPlan plan) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        Set<String> terms = new LinkedHashSet<>(plan.words().terms());
        for (String term : terms) {
            all.add(fields.anyField(term), Occur.MUST);
            any = true;
        }
        for (QueryTokens phrase : plan.phrases()) {
            Query q = fields.phrase(phrase);
            if (q != null) {
                all.add(q, Occur.MUST);
                any = true;
            }
        }
        if (!any) {
            return new MatchNoDocsQuery("no searchable words");
        }
        addExclusions(all, plan, MAX_TERMS);
        addFilters(all, plan.request());
        return all.build();
    }

    /**
     * What restricts a search by meaning: units only, the request's filters, its quoted phrases (the
     * user asked for them word for word) and its excluded words. It scores nothing; a vector query
     * ranks within it.
     */
    public Query filter(QueryPlan plan) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        for (QueryTokens phrase : plan.phrases()) {
            Query q = fields.phrase(phrase);
            if (q != null) {
                filter.add(q, Occur.FILTER);
            }
        }
        addExclusions(filter, plan, MAX_TERMS);
        filter.add(UNITS, Occur.FILTER);
        addFilters(filter, plan.request());
        return filter.build();
    }

    /** The plan as typed, nothing added: for counting the good matches of a corrected query. */
    QueryPlan bare(SearchRequest request) {
        return planner.bare(request);
    }

    /**
     * The excluded words as MUST_NOT clauses, while they fit in {@code budget} terms (the clause limit),
     * and the excluded phrases.
     */
    private void addExclusions(BooleanQuery.Builder query, QueryPlan plan, int budget) {
        for (QueryTokens excluded : plan.exclusions()) {
            if (budget <= 0) {
                break;
            }
            QueryTokens kept = excluded.first(budget);
            budget -= kept.size();
            Query q = fields.words(kept.tokens());
            if (q != null) {
                query.add(q, Occur.MUST_NOT);
            }
        }
        for (QueryTokens phrase : plan.excludedPhrases()) {
            Query q = fields.phrase(phrase);
            if (q != null) {
                query.add(q, Occur.MUST_NOT);
            }
        }
    }

    /**
     * The request's filters. Units only: a query that must match a unit's own fields (text, heading,
     * question, nutrients) matches no article document, which holds none of them, so only a query that
     * could match without them (only exclusions) says "units" ({@link #UNITS}); on a large index that
     * saves an intersection with every unit.
     */
    private static void addFilters(BooleanQuery.Builder main, SearchRequest request) {
        if (!request.kinds().isEmpty()) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            for (UnitKind kind : request.kinds()) {
                kinds.add(new TermQuery(new Term(UnitFields.KIND, kind.apiName())), Occur.SHOULD);
            }
            main.add(kinds.build(), Occur.FILTER);
        }
        for (String nutrient : request.nutrients()) {
            main.add(new TermQuery(new Term(UnitFields.NUTRIENT, nutrient)), Occur.FILTER);
        }
        if (request.articleId() != null) {
            main.add(new TermQuery(new Term(UnitFields.ARTICLE_ID, request.articleId())), Occur.FILTER);
        }
    }
}
