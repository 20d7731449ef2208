package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.Nutrient;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexStats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one generation lists besides search results: articles, nutrients with their unit counts, counts for health checks. */
final class Listings {

    static final Query UNITS = new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT));
    static final Query ARTICLES = new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_ARTICLE));

    private Listings() {
    }

    /** Articles and units, counted (not catalogued: health checks stay cheap on a large index). */
    static IndexStats stats(IndexSearcher searcher) throws IOException {
        return new IndexStats(searcher.count(ARTICLES), searcher.count(UNITS));
    }

    /** The parsed article with this id, from its stored JSON. */
    static Optional<Article> article(IndexSearcher searcher, ObjectMapper json, String id) throws IOException {
        return articleJson(searcher, id).map(stored -> readArticle(json, stored));
    }

    /** The number of units whose text, heading or question holds {@code term} (an analysed term). */
    static int unitFrequency(IndexSearcher searcher, String term) throws IOException {
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        for (String field : List.of(UnitFields.TEXT, UnitFields.HEADING, UnitFields.QUESTION)) {
            anyField.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }
        return searcher.count(new BooleanQuery.Builder()
                .add(UNITS, Occur.FILTER)
                .add(anyField.build(), Occur.MUST)
                .build());
    }

    /** The stored JSON of the article with this id. */
    static Optional<String> articleJson(IndexSearcher searcher, String id) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(ARTICLES, Occur.FILTER)
                .add(new TermQuery(new Term(UnitFields.ARTICLE_ID, id)), Occur.FILTER)
                .build();
        TopDocs top = searcher.search(q, 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc).get(UnitFields.ARTICLE_JSON));
    }

    /** Titles, foci and headings of every unit, distinct, in index order: one stored-field pass. */
    static List<String> topics(IndexSearcher searcher) throws IOException {
        StoredFields stored = searcher.storedFields();
        Set<String> topics = new java.util.LinkedHashSet<>();
        List<String> fields = List.of(UnitFields.ARTICLE_TITLE, UnitFields.FOCUS, UnitFields.HEADING);
        Set<String> wanted = Set.copyOf(fields);
        TopDocs units = searcher.search(UNITS, Math.max(1, searcher.count(UNITS)));
        for (ScoreDoc sd : units.scoreDocs) {
            Document doc = stored.document(sd.doc, wanted);
            for (String field : fields) {
                String value = doc.get(field);
                if (value != null && !value.isBlank()) {
                    topics.add(value.strip());
                }
            }
        }
        return List.copyOf(topics);
    }

    /** Every article with its units counted by kind, by id. */
    static List<ArticleInfo> articles(IndexSearcher searcher, ObjectMapper json) throws IOException {
        StoredFields stored = searcher.storedFields();
        Map<String, Map<String, Integer>> countsByArticle = new LinkedHashMap<>();
        // Units are few per article; counting by kind per article from stored fields is cheap
        // next to a search, and it runs once per generation.
        TopDocs units = searcher.search(UNITS, Math.max(1, searcher.count(UNITS)));
        for (ScoreDoc sd : units.scoreDocs) {
            Document doc = stored.document(sd.doc, Set.of(UnitFields.ARTICLE_ID, UnitFields.KIND));
            countsByArticle.computeIfAbsent(doc.get(UnitFields.ARTICLE_ID), k -> emptyCounts())
                    .merge(doc.get(UnitFields.KIND), 1, Integer::sum);
        }
        List<ArticleInfo> articles = new ArrayList<>();
        TopDocs articleDocs = searcher.search(ARTICLES, Math.max(1, searcher.count(ARTICLES)),
                new Sort(new SortField(UnitFields.ARTICLE_ID, SortField.Type.STRING)));
        for (ScoreDoc sd : articleDocs.scoreDocs) {
            Article a = readArticle(json, stored.document(sd.doc).get(UnitFields.ARTICLE_JSON));
            articles.add(new ArticleInfo(a.id(), a.title(), a.source(), countsByArticle.getOrDefault(a.id(), emptyCounts())));
        }
        return List.copyOf(articles);
    }

    /** Every nutrient of the lexicon with the number of units that mention it. */
    static List<Facets.NutrientCount> nutrients(IndexSearcher searcher, FacetOrdinals ordinals, NutrientLexicon lexicon)
            throws IOException {
        FacetCounter.Counts all = searcher.search(UNITS, new FacetCounter(ordinals));
        List<Facets.NutrientCount> nutrients = new ArrayList<>();
        for (Nutrient n : lexicon.nutrients()) {
            nutrients.add(new Facets.NutrientCount(n.id(), n.label(), all.nutrients().getOrDefault(n.id(), 0)));
        }
        return List.copyOf(nutrients);
    }

    static Article readArticle(ObjectMapper json, String stored) {
        try {
            return json.readValue(stored, Article.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (UnitKind k : UnitKind.values()) {
            counts.put(k.apiName(), 0);
        }
        return counts;
    }
}
