package org.nutrisearch.search;

import org.nutrisearch.corpus.Article;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the HTTP layer needs from a search engine; the embedded Lucene index is the default. */
public interface SearchBackend extends AutoCloseable {

    /** Ranked units for a request, with snippets and facets. */
    SearchResult search(SearchRequest request);

    /** The parsed article, when the id is known. */
    Optional<Article> article(String id);

    /** Every article, by id. */
    List<ArticleInfo> articles();

    /** Every nutrient of the lexicon with the number of units that mention it. */
    List<Facets.NutrientCount> nutrients();

    /**
     * For each analysed term (English analysis, as {@code TextAnalyzers.english()} produces it), the
     * number of units whose text, heading or question contains it. The answer service weighs a
     * question's words by it: a word no unit contains says the articles do not cover the question.
     * Backends that cannot tell return an empty map, and every word then weighs the same.
     */
    default Map<String, Integer> unitFrequencies(Collection<String> terms) {
        return Map.of();
    }

    /** Counts for health checks. */
    IndexStats stats();

    @Override
    void close();
}
