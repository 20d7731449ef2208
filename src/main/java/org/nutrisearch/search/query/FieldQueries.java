package org.nutrisearch.search.query;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.search.RankingOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analysed query text as Lucene queries over a unit's own fields (text, heading, question, each with its
 * weight) or the article title: built from the tokens of a {@link QueryPlan}, exactly as Lucene's
 * {@code QueryBuilder} builds them from text, without analysing the text again for every field.
 * Thread-safe.
 */
final class FieldQueries {

    /** Weight of a word that is part of a nutrient's name ("vitamin" of "vitamin d") on its own. */
    static final float NAMED_WORD_WEIGHT = 0.25f;

    /** Field → boost. Heading and question are short and say what a unit is about. */
    private final Map<String, Float> boosts = new LinkedHashMap<>();

    FieldQueries(RankingOptions options) {
        boosts.put(UnitFields.TEXT, 1.0f);
        boosts.put(UnitFields.HEADING, options.headingBoost());
        boosts.put(UnitFields.QUESTION, options.questionBoost());
    }

    /** Any of {@code tokens} scored in each field (a field's score weighed by its boost); null when there are none. */
    Query words(List<QueryTokens.Token> tokens) {
        if (tokens.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        boosts.forEach((field, boost) -> sum.add(new BoostQuery(words(field, tokens), boost), Occur.SHOULD));
        return sum.build();
    }

    /**
     * Each term scored across the fields; a term of a nutrient name ({@code named}) weighs
     * {@link #NAMED_WORD_WEIGHT}, so "vitamin d" does not rank units that merely say "vitamin".
     * Without named terms the query is {@link #words}, bit for bit (the OpenSearch backend is held to it).
     */
    Query terms(List<QueryTokens.Token> tokens, Set<String> named) {
        if (tokens.isEmpty()) {
            return null;
        }
        if (named.isEmpty()) {
            return words(tokens);
        }
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        for (QueryTokens.Token t : tokens) {
            Query q = sequence(new SynonymExpander.TermSequence(List.of(t.term()), List.of(0)));
            sum.add(named.contains(t.term()) ? new BoostQuery(q, NAMED_WORD_WEIGHT) : q, Occur.SHOULD);
        }
        return sum.build();
    }

    /** The tokens as a phrase in any field (the best field counts most); null when there are none. */
    Query phrase(QueryTokens phrase) {
        if (phrase.isEmpty()) {
            return null;
        }
        List<Query> perField = new ArrayList<>();
        boosts.forEach((field, boost) -> perField.add(new BoostQuery(phrase(field, phrase.tokens()), boost)));
        return new DisjunctionMaxQuery(perField, 0.1f);
    }

    /** An analysed term sequence (a term, or a phrase with its gaps) scored across the fields. */
    Query sequence(SynonymExpander.TermSequence seq) {
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        boosts.forEach((field, boost) -> {
            Query q;
            if (seq.isPhrase()) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                for (int i = 0; i < seq.terms().size(); i++) {
                    phrase.add(new Term(field, seq.terms().get(i)), seq.positions().get(i));
                }
                q = phrase.build();
            } else {
                q = new TermQuery(new Term(field, seq.terms().getFirst()));
            }
            sum.add(new BoostQuery(q, boost), Occur.SHOULD);
        });
        return sum.build();
    }

    /**
     * A corrected word: in each field the best of its corrections' forms counts, weighed by similarity
     * (a dis_max of terms, which OpenSearch's query DSL expresses as well).
     */
    Query corrections(Map<String, Float> stems) {
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boosts.forEach((field, boost) -> {
            List<Query> near = new ArrayList<>();
            stems.forEach((stem, similarity) -> near.add(new BoostQuery(new TermQuery(new Term(field, stem)), similarity)));
            fields.add(new BoostQuery(new DisjunctionMaxQuery(near, 0f), boost), Occur.SHOULD);
        });
        return fields.build();
    }

    /** {@code term} in any of the fields, unweighted. */
    Query anyField(String term) {
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        for (String field : boosts.keySet()) {
            anyField.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }
        return anyField.build();
    }

    /** The tokens in the article title, as words or as a phrase; null when there are none. */
    static Query title(List<QueryTokens.Token> tokens, boolean asPhrase) {
        if (tokens.isEmpty()) {
            return null;
        }
        return asPhrase ? phrase(UnitFields.ARTICLE_TITLE, tokens) : words(UnitFields.ARTICLE_TITLE, tokens);
    }

    /** As Lucene's {@code QueryBuilder.createBooleanQuery}: one term alone, several as optional clauses. */
    private static Query words(String field, List<QueryTokens.Token> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst().term()));
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (QueryTokens.Token t : tokens) {
            any.add(new TermQuery(new Term(field, t.term())), Occur.SHOULD);
        }
        return any.build();
    }

    /** As Lucene's {@code QueryBuilder.createPhraseQuery}: one term alone, several at their positions. */
    private static Query phrase(String field, List<QueryTokens.Token> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst().term()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (QueryTokens.Token t : tokens) {
            phrase.add(new Term(field, t.term()), t.position());
        }
        return phrase.build();
    }
}
