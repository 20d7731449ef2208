package org.nutrisearch.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the Lucene query for a {@link SearchRequest}: words score across the text fields (title,
 * heading and question weigh more than body text), quoted phrases are required, excluded words and
 * filters restrict. Thread-safe.
 */
public final class UnitQueryBuilder {

    /** Field → boost. Heading and question are short and say what a unit is about. */
    static final Map<String, Float> FIELD_BOOSTS = orderedBoosts();
    /** The article title counts, but less than the unit's own words. */
    static final float TITLE_BOOST = 0.5f;
    /**
     * Analysed terms taken from the words and exclusions of one query. A single typed word such as
     * "b,c,d,…" holds hundreds of terms, each a clause in every field; the cap keeps the query far
     * below Lucene's clause limit (and its cost bounded) whatever is typed. Phrases are one clause each.
     */
    public static final int MAX_TERMS = 64;

    private final Analyzer analyzer;
    private final QueryBuilder builder;

    public UnitQueryBuilder(Analyzer analyzer) {
        this.analyzer = analyzer;
        this.builder = new QueryBuilder(analyzer);
    }

    private static Map<String, Float> orderedBoosts() {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put(UnitFields.TEXT, 1.0f);
        boosts.put(UnitFields.HEADING, 2.0f);
        boosts.put(UnitFields.QUESTION, 2.0f);
        return boosts;
    }

    /** The query and the terms snippets should mark. */
    public record Built(Query query, QueryTerms terms) {
    }

    public Built build(SearchRequest request) {
        UserQuery user = UserQuery.parse(request.query());
        // A unit matches on its own fields; the article title only adds to the score, or every unit
        // of an article titled "…leg cramps…" would match "cramps".
        BooleanQuery.Builder own = new BooleanQuery.Builder();
        BooleanQuery.Builder title = new BooleanQuery.Builder();
        boolean positive = false;

        String words = firstTerms(String.join(" ", user.words()), MAX_TERMS);
        int budget = MAX_TERMS - analyze(words).size();
        if (!words.isBlank()) {
            Query q = acrossFields(words, false);
            if (q != null) {
                own.add(q, Occur.SHOULD);
                addTitle(title, words, false);
                positive = true;
            }
        }
        for (String phrase : user.phrases()) {
            Query q = acrossFields(phrase, true);
            if (q != null) {
                own.add(q, Occur.MUST);
                addTitle(title, phrase, true);
                positive = true;
            }
        }
        BooleanQuery.Builder main = new BooleanQuery.Builder();
        if (positive) {
            main.add(own.build(), Occur.MUST);
            BooleanQuery titleQuery = title.build();
            if (!titleQuery.clauses().isEmpty()) {
                main.add(new BoostQuery(titleQuery, TITLE_BOOST), Occur.SHOULD);
            }
        } else if (user.words().isEmpty() && user.phrases().isEmpty() && !user.excluded().isEmpty()) {
            main.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            // Every word was a stop word or punctuation: nothing can match.
            return new Built(new MatchNoDocsQuery("no searchable words"), QueryTerms.NONE);
        }
        for (String excluded : user.excluded()) {
            if (budget <= 0) {
                break;
            }
            String word = firstTerms(excluded, budget);
            budget -= analyze(word).size();
            Query q = acrossFields(word, false);
            if (q != null) {
                main.add(q, Occur.MUST_NOT);
            }
        }
        addFilters(main, request);
        return new Built(main.build(), termsOf(user));
    }

    private void addTitle(BooleanQuery.Builder title, String text, boolean phrase) {
        Query q = phrase
                ? builder.createPhraseQuery(UnitFields.ARTICLE_TITLE, text)
                : builder.createBooleanQuery(UnitFields.ARTICLE_TITLE, text, Occur.SHOULD);
        if (q != null) {
            title.add(q, Occur.SHOULD);
        }
    }

    private Query acrossFields(String text, boolean phrase) {
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : FIELD_BOOSTS.entrySet()) {
            Query q = phrase
                    ? builder.createPhraseQuery(field.getKey(), text)
                    : builder.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
            if (q != null) {
                perField.add(new BoostQuery(q, field.getValue()));
            }
        }
        if (perField.isEmpty()) {
            return null;
        }
        if (phrase) {
            return new DisjunctionMaxQuery(perField, 0.1f);
        }
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        perField.forEach(q -> sum.add(q, Occur.SHOULD));
        return sum.build();
    }

    private static void addFilters(BooleanQuery.Builder main, SearchRequest request) {
        main.add(new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT)), Occur.FILTER);
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

    private QueryTerms termsOf(UserQuery user) {
        Map<String, String> terms = new HashMap<>();
        Set<String> typed = new HashSet<>();
        for (String part : List.of(user.positiveText().split("\\s+"))) {
            if (part.isEmpty()) {
                continue;
            }
            for (String term : analyze(part)) {
                terms.put(term, "stem");
            }
            // Typed words as the tokenizer splits them, for telling exact from stemmed matches.
            for (String piece : part.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
                if (!piece.isEmpty()) {
                    typed.add(piece);
                }
            }
        }
        return new QueryTerms(terms, typed);
    }

    /** {@code text} up to the end of its {@code max}-th analysed term (all of it when it has fewer). */
    String firstTerms(String text, int max) {
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int terms = 0;
            int end = 0;
            boolean more = false;
            while (ts.incrementToken()) {
                if (terms == max) {
                    more = true;
                    break;
                }
                terms++;
                end = offset.endOffset();
            }
            ts.end();
            return more ? text.substring(0, end) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysed terms of {@code text}, in order. */
    List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
