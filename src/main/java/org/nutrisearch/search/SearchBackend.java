package org.nutrisearch.search;

import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.Unit;

import java.util.Collection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** What the HTTP layer needs from a search engine; the embedded Lucene index is the default. */
public interface SearchBackend extends AutoCloseable {

    /** Ranked units for a request, with snippets and facets. */
    SearchResult search(SearchRequest request);

    /**
     * The snippets {@code units} (hits of {@code request}, or of {@link #similarQuestions} for it) get in
     * a search for {@code request} with snippets: the same passage, marks and highlights, in the order of
     * {@code units}. {@code request.mode()} says which search the hits came from (the result's
     * {@link SearchResult#mode()}, which decides how a backend marks matches). For callers that asked for
     * hits without snippets ({@link SearchRequest#snippets()} false) and show only a few of them. A
     * backend that always serves snippets (leaves none null) need not implement it.
     */
    default List<Snippet> snippets(SearchRequest request, List<Unit> units) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " serves every hit with its snippet");
    }

    /**
     * Up to {@code request.limit()} units whose own question ({@code Unit.askedQuestion()}) is nearest in
     * meaning to {@code request.query()}, within the request's filters, most similar first: a user's
     * question is best answered by the FAQ entry that asks the same. Each hit's {@code score} and
     * {@code questionSimilarity} are that cosine, its {@code similarity} the passage's. Empty when the
     * backend has no question vectors (none indexed, or vectors not available).
     */
    default List<SearchHit> similarQuestions(SearchRequest request) {
        return List.of();
    }

    /**
     * {@link #search} for {@code request}, then, when it ran by meaning, {@link #similarQuestions} for the
     * same query and filters in the mode it ran in (up to {@code questions} units), and the means to mark the
     * snippets of units of either list later ({@link #snippets} for {@code request} in that mode): for a
     * caller that needs all three for one query (the answer service). A backend that plans a query may
     * plan it once for all three; this default asks each method in turn.
     */
    default PlannedSearch searchWithQuestions(SearchRequest request, int questions) {
        SearchResult result = search(request);
        SearchRequest ran = request.withMode(result.mode());
        List<SearchHit> near = questions > 0 && result.mode().usesVectors()
                ? similarQuestions(ran.withLimit(questions)) : List.of();
        return new PlannedSearch(result, near, units -> snippets(ran, units));
    }

    /**
     * Hands the units of the served index to {@code each}, one generation's, in index order, until it returns
     * false; the number handed. For work done once per index ahead of the requests that would otherwise do
     * it on first meeting a unit (the answer service's unit traits). Backends that cannot list their units
     * hand none.
     */
    default int eachUnit(Predicate<Unit> each) {
        return 0;
    }

    /**
     * The subjects the served units are about, each once: article titles, FAQ foci and headings, as
     * written. The answer service recognises a question's focus among them. Backends that cannot list
     * them return none.
     */
    default List<String> topics() {
        return List.of();
    }

    /** The parsed article, when the id is known. */
    Optional<Article> article(String id);

    /**
     * The article's own disclaimer ({@link Article#disclaimer()}; empty when it has none), when the id is
     * known: what the answer service says with every answer. A backend may read it without parsing the
     * whole article.
     */
    default Optional<String> disclaimer(String articleId) {
        return article(articleId).map(a -> a.disclaimer() == null ? "" : a.disclaimer());
    }

    /** Every article, by id. */
    List<ArticleInfo> articles();

    /** Every nutrient of the lexicon with the number of units that mention it. */
    List<Facets.NutrientCount> nutrients();

    /**
     * Up to {@code limit} completions of {@code prefix} for search-as-you-type, best first. Backends
     * without suggestions return none.
     */
    default List<Suggestion> suggest(String prefix, int limit) {
        return List.of();
    }

    /**
     * For each analysed term (English analysis, as {@code TextAnalyzers.english()} produces it), the
     * number of units whose text, heading or question contains it. The answer service weighs a
     * question's words by it: a word no unit contains says the articles do not cover the question.
     * Backends that cannot tell return an empty map, and every word then weighs the same.
     */
    default Map<String, Integer> unitFrequencies(Collection<String> terms) {
        return Map.of();
    }

    /** The mode a request that names none is searched in (when vectors are available). */
    default SearchMode defaultMode() {
        return SearchMode.LEXICAL;
    }

    /**
     * True when semantic and hybrid searches can run now: the served index has vectors of the loaded
     * embedding model. Otherwise every search runs lexically and its result says so.
     */
    default boolean vectorsAvailable() {
        return false;
    }

    /** Counts for health checks. */
    IndexStats stats();

    /** False while the index is still being loaded or built; every other call then fails. */
    default boolean ready() {
        return true;
    }

    /** Which build is served, when the backend can tell. */
    default Optional<IndexBuild> build() {
        return Optional.empty();
    }

    /** The folder of the index generation being served, when the index lives on disk (for metrics). */
    default Optional<Path> indexDir() {
        return Optional.empty();
    }

    /**
     * The indexed word nearest to the words of {@code query} (edit distance), as an article writes it;
     * empty when nothing is near. Groups searches that found nothing by what they probably meant.
     */
    default Optional<String> nearestIndexedWord(String query) {
        return Optional.empty();
    }

    @Override
    void close();
}
