package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.nutrisearch.cache.WeightedLru;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.index.IndexGeneration;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.suggest.SuggestionIndex;
import org.nutrisearch.search.suggest.SuggestionSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the embedded backend serves from one index generation, travelling together: its searcher,
 * the spelling vocabulary, the facet ordinals, the suggestions, the listings and counts, whether it has
 * vectors of a model, the units shown lately and the results kept for repeated requests. Each is built on first use and lives as long as the
 * generation; a request takes the served generation once ({@link LuceneSearchBackend}) and reads
 * everything from it, so a switch after a reindex never mixes two. Thread-safe.
 */
final class ServedGeneration {

    /**
     * Indexes of at most this many documents rank and count a search's matches in one pass, larger ones
     * in two ({@link LexicalSearch}). Thread CPU per new lexical search, one pass against two: 16 % less at
     * 138 units, 7 % less at 13 453 documents (10 000 generated units), 42 % more at 290 000 (200k units);
     * measured before the second pass ranked through {@link TopHits}, which made it 2.7 times cheaper at
     * 290 000 documents (not measured again at the smaller sizes).
     */
    static final int ONE_PASS_MAX_DOCS = 20_000;
    /** Articles kept parsed at most, and their bytes (about: twice their stored JSON's characters). */
    static final int ARTICLES_KEPT = 2_000;
    static final long ARTICLE_BYTES_KEPT = 16L * 1024 * 1024;
    /** Terms whose unit counts are kept at most (a megabyte or two with their strings). */
    static final int TERMS_KEPT = 20_000;

    private final IndexGeneration index;
    /**
     * At most {@link #ONE_PASS_MAX_DOCS} documents, decided once for the generation: its searches by words
     * rank and count in one pass and leave out the clauses no document can match.
     */
    private final boolean small;
    private final NutrientLexicon lexicon;
    private final ObjectMapper json;
    private final Lazy<TermPruner> pruner;
    private final Lazy<IndexVocabulary> vocabulary;
    private final Lazy<FacetOrdinals> facetOrdinals;
    private final Lazy<IndexStats> stats;
    private final Lazy<List<Facets.NutrientCount>> nutrients;
    private final Lazy<List<ArticleInfo>> articles;
    private final Lazy<List<String>> topics;
    private final Lazy<SuggestionIndex> suggestions;
    private final AtomicReference<SearchResultCache> results;
    private final ShownUnits shownUnits = new ShownUnits(ShownUnits.DEFAULT_WEIGHT);
    /**
     * Articles read lately (the answer service reads its answer's article for the disclaimer on every
     * answer; parsing a portal article's stored JSON was 2 % of an answer's CPU), and the absent ones.
     */
    private final WeightedLru<String, Read> articlesRead = new WeightedLru<>(ARTICLES_KEPT, ARTICLE_BYTES_KEPT, Read::bytes);
    /** Disclaimers of articles answers came from lately (a few short texts: most articles share one). */
    private final WeightedLru<String, Optional<String>> disclaimers = new WeightedLru<>(ARTICLES_KEPT * 10,
            ARTICLES_KEPT * 10, d -> 1);
    /** Unit counts of terms asked lately (the answer service weighs every question's terms by them). */
    private final WeightedLru<String, Integer> unitFrequencies = new WeightedLru<>(TERMS_KEPT, TERMS_KEPT, count -> 1);

    ServedGeneration(IndexGeneration index, NutrientLexicon lexicon, ObjectMapper json, int cachedResults) {
        this.index = index;
        this.lexicon = lexicon;
        this.json = json;
        this.small = index.reader().maxDoc() <= ONE_PASS_MAX_DOCS;
        this.pruner = new Lazy<>(() -> TermPruner.of(index.searcher()));
        this.vocabulary = new Lazy<>(() -> new IndexVocabulary(index.reader()));
        this.facetOrdinals = new Lazy<>(() -> FacetOrdinals.of(index.reader()));
        this.stats = new Lazy<>(() -> Listings.stats(searcher()));
        this.nutrients = new Lazy<>(() -> Listings.nutrients(searcher(), facetOrdinals(), lexicon));
        // The article listing reads every stored article (seconds at 200 000 units): only when asked for.
        this.articles = new Lazy<>(() -> Listings.articles(searcher(), json));
        this.topics = new Lazy<>(() -> Listings.topics(searcher()));
        this.suggestions = new Lazy<>(this::buildSuggestions);
        this.results = new AtomicReference<>(new SearchResultCache(cachedResults));
    }

    IndexSearcher searcher() {
        return index.searcher();
    }

    /** Whether a search by words ranks and counts its matches in one pass (a small index) or two. */
    boolean rankAndCountInOnePass() {
        return small;
    }

    /**
     * {@code query} as this generation runs it: on a small index without the clauses no document can
     * match ({@link TermPruner}: the same matches and scores), on a large one as it is.
     */
    Query searchable(Query query) {
        return small ? pruner.get().prune(query) : query;
    }

    /** The words typo corrections come from. */
    IndexVocabulary vocabulary() {
        return vocabulary.get();
    }

    /** Each document's kind and nutrients, for counting facets. */
    FacetOrdinals facetOrdinals() {
        return facetOrdinals.get();
    }

    IndexStats stats() {
        return stats.get();
    }

    List<Facets.NutrientCount> nutrients() {
        return nutrients.get();
    }

    List<ArticleInfo> articles() {
        return articles.get();
    }

    /** Titles, foci and headings of the units, each once (the subjects the answer service knows). */
    List<String> topics() {
        return topics.get();
    }

    /** The suggestions, built on first use (one pass over the stored units) and kept. */
    SuggestionIndex suggestions() {
        return suggestions.get();
    }

    /** Results of requests searched on this generation. */
    SearchResultCache results() {
        return results.get();
    }

    /** The units searches showed lately, ready to be hits again. */
    ShownUnits shownUnits() {
        return shownUnits;
    }

    /** Keeps up to {@code capacity} results from now on (0: none), dropping those kept so far. */
    void keepResults(int capacity) {
        results.set(new SearchResultCache(capacity));
    }

    /** The parsed article with this id (articles read lately are kept: they never change within a generation). */
    Optional<Article> article(String id) throws IOException {
        Read kept = articlesRead.get(id);
        if (kept == null) {
            Optional<String> stored = Listings.articleJson(searcher(), id);
            kept = new Read(stored.map(j -> Listings.readArticle(json, j)), 64L + 2L * stored.map(String::length).orElse(0));
            articlesRead.put(id, kept);
        }
        return kept.article();
    }

    /**
     * The disclaimer of the article with this id (empty when it has none): read off its stored JSON without
     * parsing the rest (a portal article holds all its FAQ answers), and kept.
     */
    Optional<String> disclaimer(String id) throws IOException {
        Read read = articlesRead.get(id);
        if (read != null) {
            return read.article().map(a -> a.disclaimer() == null ? "" : a.disclaimer());
        }
        Optional<String> kept = disclaimers.get(id);
        if (kept == null) {
            Optional<String> stored = Listings.articleJson(searcher(), id);
            kept = stored.isEmpty() ? Optional.empty() : Optional.of(Listings.disclaimerOf(json, stored.get()));
            disclaimers.put(id, kept);
        }
        return kept;
    }

    /** An article read and about the bytes it holds (its stored JSON's characters, twice: UTF-16 at worst). */
    private record Read(Optional<Article> article, long bytes) {
    }

    /**
     * The number of units whose text, heading or question holds {@code term} (an analysed term), counted
     * once per term and generation.
     */
    int unitFrequency(String term) throws IOException {
        Integer kept = unitFrequencies.get(term);
        if (kept == null) {
            kept = Listings.unitFrequency(searcher(), term);
            unitFrequencies.put(term, kept);
        }
        return kept;
    }


    /** True when the generation's units carry vectors of the model {@code modelId}. */
    boolean hasVectorsOf(String modelId) {
        Map<String, String> data = index.commitData();
        return modelId.equals(data.get(UnitFields.COMMIT_VECTOR_MODEL))
                && !"0".equals(data.getOrDefault(UnitFields.COMMIT_VECTOR_COUNT, "0"));
    }

    private SuggestionIndex buildSuggestions() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        nutrients().forEach(n -> counts.put(n.id(), n.count()));
        return SuggestionIndex.of(new SuggestionSources().collect(searcher(), lexicon, counts));
    }

    /** A value computed once, on first use; concurrent first uses wait for the one computation. */
    static final class Lazy<T> {
        /** A computation that may read the index. */
        interface Compute<T> {
            T get() throws IOException;
        }

        private final Compute<T> compute;
        private volatile T value;

        Lazy(Compute<T> compute) {
            this.compute = compute;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        try {
                            v = compute.get();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
