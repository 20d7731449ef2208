package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.index.IndexGeneration;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.IndexBuild;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.PlannedSearch;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.Snippet;
import org.nutrisearch.search.Suggestion;
import org.nutrisearch.search.query.NearestIndexedWord;
import org.nutrisearch.search.query.QueryCorrector;
import org.nutrisearch.search.query.QueryPlan;
import org.nutrisearch.search.query.QueryTerms;
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.snippet.SnippetBuilder;
import org.nutrisearch.search.suggest.SuggestionIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Search over the embedded Lucene index. A request takes the served generation once
 * ({@link ServedGeneration}: searcher, vocabulary, suggestions, listings, kept results), plans its query
 * once ({@link QueryPlan}) and runs every stage from the two: the search by words ({@link LexicalSearch})
 * or by meaning ({@link VectorSearch}), the hits and snippets ({@link Hits}), "did you mean"
 * ({@link QueryCorrector}). Thread-safe: one instance serves all requests.
 */
public final class LuceneSearchBackend implements SearchBackend {

    /** Results kept by default: a few hundred kilobytes to tens of megabytes of heap, see {@link SearchResultCache}. */
    public static final int DEFAULT_CACHED_RESULTS = 1024;
    /** The facets of a result whose request asked for no counts. */
    private static final Facets NO_FACETS = new Facets(List.of(), List.of());

    private final LiveIndex index;
    private final NutrientLexicon lexicon;
    private final UnitQueryBuilder queries;
    private final SnippetBuilder snippets;
    private final ObjectMapper json;
    private final SearchMode defaultMode;
    private final HybridOptions hybrid;
    /** Builders for rankings other than this backend's own, asked for by a request (few: one per caller). */
    private final Map<RankingOptions, UnitQueryBuilder> rankings = new ConcurrentHashMap<>();
    private final Map<UnitQueryBuilder, QueryCorrector> correctors = new ConcurrentHashMap<>();
    private final NearestIndexedWord nearest = new NearestIndexedWord();
    /** Query embeddings, once the model is loaded (null until then, and always without a model). */
    private final AtomicReference<QueryVectors> queryVectors = new AtomicReference<>();
    /** Completed once a search has been answered: start-up leaves its background work until then. */
    private final CompletableFuture<Void> firstSearch = new CompletableFuture<>();
    private volatile int cachedResults = DEFAULT_CACHED_RESULTS;

    public LuceneSearchBackend(LiveIndex index, NutrientLexicon lexicon, UnitQueryBuilder queries,
                               SnippetBuilder snippets, ObjectMapper json) {
        this(index, lexicon, queries, snippets, json, SearchMode.LEXICAL, HybridOptions.DEFAULTS);
    }

    /**
     * A backend that searches in {@code defaultMode} when a request names none (falling back to
     * lexical while vectors are not available) and fuses by {@code hybrid}.
     */
    public LuceneSearchBackend(LiveIndex index, NutrientLexicon lexicon, UnitQueryBuilder queries,
                               SnippetBuilder snippets, ObjectMapper json, SearchMode defaultMode,
                               HybridOptions hybrid) {
        this.index = index;
        this.lexicon = lexicon;
        this.queries = queries;
        this.snippets = snippets;
        this.json = json;
        this.defaultMode = defaultMode;
        this.hybrid = hybrid;
    }

    /** A backend over {@code index} ranking with {@link RankingOptions#DEFAULTS}. */
    public static LuceneSearchBackend open(LiveIndex index, NutrientLexicon lexicon, ObjectMapper json) {
        return open(index, lexicon, json, RankingOptions.DEFAULTS);
    }

    /**
     * A backend over {@code index} wired the standard way: English analysis, the shipped synonym
     * file, nutrient recognition with {@code lexicon}, ranking tuned by {@code options}.
     */
    public static LuceneSearchBackend open(LiveIndex index, NutrientLexicon lexicon, ObjectMapper json,
                                           RankingOptions options) {
        return open(index, lexicon, json, options, SearchMode.LEXICAL, HybridOptions.DEFAULTS);
    }

    /** As {@link #open(LiveIndex, NutrientLexicon, ObjectMapper, RankingOptions)}, with a default mode and fusion. */
    public static LuceneSearchBackend open(LiveIndex index, NutrientLexicon lexicon, ObjectMapper json,
                                           RankingOptions options, SearchMode defaultMode, HybridOptions hybrid) {
        NutrientTagger tagger = new NutrientTagger(lexicon);
        return new LuceneSearchBackend(index, lexicon, UnitQueryBuilder.standard(tagger, options),
                new SnippetBuilder(TextAnalyzers.english(), tagger), json, defaultMode, hybrid);
    }

    /**
     * Lets semantic and hybrid searches run from now on, with {@code vectors} embedding the queries. The
     * model loads after the index opens, so searches are answered (lexically) in the meantime; results
     * kept meanwhile are not handed out for requests that can now use vectors.
     */
    public void useQueryVectors(QueryVectors vectors) {
        queryVectors.set(vectors);
    }

    /**
     * Keeps the results of up to {@code capacity} requests (0: none) from now on, instead of
     * {@link #DEFAULT_CACHED_RESULTS}. A request asked again while the same generation is served gets
     * the kept result, with its own {@code tookMs}; a reindex drops them all.
     */
    public void cacheResults(int capacity) {
        cachedResults = capacity;
        try (LiveIndex.Lease lease = index.acquire()) {
            served(lease.generation()).keepResults(capacity);
        }
    }

    @Override
    public SearchMode defaultMode() {
        return defaultMode;
    }

    @Override
    public boolean vectorsAvailable() {
        return fromServed(generation -> vectorsOf(generation) != null);
    }

    /** What a served generation reads, which may fail reading the index. */
    @FunctionalInterface
    private interface ServedRead<T> {
        T read(ServedGeneration generation) throws IOException;
    }

    /** {@code read} over the generation served now, leased for the call (a failed read unchecked). */
    private <T> T fromServed(ServedRead<T> read) {
        try (LiveIndex.Lease lease = index.acquire()) {
            return read.read(served(lease.generation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query embeddings when the generation has vectors of their model; else null. */
    private QueryVectors vectorsOf(ServedGeneration generation) {
        QueryVectors qv = queryVectors.get();
        return qv != null && generation.hasVectorsOf(qv.embedder().modelId()) ? qv : null;
    }

    /** What this backend serves from {@code generation}, made on the first request that meets it. */
    private ServedGeneration served(IndexGeneration generation) {
        return generation.shared(this, g -> new ServedGeneration(g, lexicon, json, cachedResults));
    }

    @Override
    public SearchResult search(SearchRequest request) {
        long start = System.nanoTime();
        try (LiveIndex.Lease lease = index.acquire()) {
            ServedGeneration generation = served(lease.generation());
            QueryVectors vectors = vectorsOf(generation);
            SearchResult kept = kept(generation, request, vectors, start);
            if (kept != null) {
                return kept;
            }
            UnitQueryBuilder ranking = rankingFor(request);
            return computeAndKeep(generation, request, ranking, ranking.plan(request, generation.vocabulary()), vectors,
                    start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            firstSearch.complete(null);
        }
    }

    /**
     * Completes once the first search (or search for an answer) on this backend has returned, answered or
     * failed: what a start-up does only to be ready for later requests (the suggestions, the answers' unit
     * traits) waits for it, so it does not take the two cores from the search a user is waiting for.
     */
    public CompletionStage<Void> firstSearchAnswered() {
        return firstSearch.minimalCompletionStage();
    }

    /**
     * The search, the units nearest by their own question and their snippets from one plan of the query on
     * one generation: the query is parsed, analysed and embedded once (the answer service asked three
     * times before, 3 % of an answer's CPU).
     */
    @Override
    public PlannedSearch searchWithQuestions(SearchRequest request, int questions) {
        long start = System.nanoTime();
        try (LiveIndex.Lease lease = index.acquire()) {
            ServedGeneration generation = served(lease.generation());
            QueryVectors vectors = vectorsOf(generation);
            UnitQueryBuilder ranking = rankingFor(request);
            QueryPlan plan = ranking.plan(request, generation.vocabulary());
            SearchMode asked = request.mode() == null ? defaultMode : request.mode();
            if (asked.usesVectors() && vectors != null && !plan.embeddingText().isBlank()) {
                plan = plan.withVector(vectors.of(plan.embeddingText()));
            }
            SearchResult result = kept(generation, request, vectors, start);
            if (result == null) {
                result = computeAndKeep(generation, request, ranking, plan, vectors, start);
            }
            List<SearchHit> near = questions > 0 && result.mode().usesVectors() && plan.vector() != null
                    ? similarQuestions(generation, ranking, plan, questions, request.snippets()) : List.of();
            QueryTerms marks = plan.marks();
            return new PlannedSearch(result, near, units -> snippetsOf(units, marks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            firstSearch.complete(null);
        }
    }

    /** The result kept for {@code request} on {@code generation}, with its own time taken; null when none is. */
    private static SearchResult kept(ServedGeneration generation, SearchRequest request, QueryVectors vectors,
                                     long start) {
        SearchResult kept = generation.results().get(request, vectors != null);
        return kept == null ? null : new SearchResult(kept.total(), kept.hits(), kept.facets(), kept.didYouMean(),
                millisSince(start), kept.mode());
    }

    /** The result of {@code request} planned as {@code plan}, kept for the next time it is asked. */
    private SearchResult computeAndKeep(ServedGeneration generation, SearchRequest request, UnitQueryBuilder ranking,
                                        QueryPlan plan, QueryVectors vectors, long start) throws IOException {
        SearchResult computed = compute(generation, request, ranking, plan, vectors, start);
        generation.results().put(request, vectors != null, computed);
        return computed;
    }

    /**
     * The result of {@code request} planned as {@code plan} (with its query vector or without: the query is
     * embedded here when the search runs by meaning and the plan has none).
     */
    private SearchResult compute(ServedGeneration generation, SearchRequest request, UnitQueryBuilder ranking,
                                 QueryPlan plan, QueryVectors vectors, long start) throws IOException {
        Query query = ranking.query(plan);
        SearchMode mode = request.mode() == null ? defaultMode : request.mode();
        Retrieved retrieved;
        if (mode.usesVectors() && vectors != null && !plan.embeddingText().isBlank()) {
            if (plan.vector() == null) {
                plan = plan.withVector(vectors.of(plan.embeddingText()));
            }
            // Always filtered, even when the filter lets every unit through: a filtered HNSW search that
            // would visit more units than the filter passes searches them all exactly, and on a small index
            // that ranks better (NFCorpus dev hybrid nDCG@10 0.334-0.336 filtered, 0.332-0.333 not).
            retrieved = new VectorSearch(generation, hybrid).run(plan, query, ranking.filter(plan), mode, request.counts());
        } else {
            // Without vectors, or without words to embed (only exclusions), the words answer.
            mode = SearchMode.LEXICAL;
            Query searchable = generation.searchable(query);
            retrieved = request.counts()
                    ? LexicalSearch.run(generation, searchable, request.offset(), request.limit())
                    : LexicalSearch.rank(generation, searchable, request.offset(), request.limit());
        }
        List<SearchHit> hits = Hits.read(generation, retrieved.page(), plan.marks(), snippets, request.snippets());
        if (!request.counts()) {
            return new SearchResult(hits.size(), hits, NO_FACETS, null, millisSince(start), mode);
        }
        // Typo corrections come from the words: a hybrid search offers them as a lexical one does.
        String didYouMean = mode != SearchMode.SEMANTIC && ranking.options().fuzzy()
                ? correctorOf(ranking).correct(plan, counter(generation)) : null;
        return new SearchResult(retrieved.counts().matches(), hits, retrieved.counts().facets(lexicon), didYouMean,
                millisSince(start), mode);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    @Override
    public List<SearchHit> similarQuestions(SearchRequest request) {
        try (LiveIndex.Lease lease = index.acquire()) {
            ServedGeneration generation = served(lease.generation());
            QueryVectors vectors = vectorsOf(generation);
            UnitQueryBuilder ranking = rankingFor(request);
            QueryPlan plan = ranking.plan(request, generation.vocabulary());
            if (vectors == null || plan.embeddingText().isBlank()) {
                return List.of();
            }
            plan = plan.withVector(vectors.of(plan.embeddingText()));
            return similarQuestions(generation, ranking, plan, request.limit(), request.snippets());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code limit} units whose own question is nearest the vector of {@code plan}, within its filters. */
    private List<SearchHit> similarQuestions(ServedGeneration generation, UnitQueryBuilder ranking, QueryPlan plan,
                                             int limit, boolean withSnippets) throws IOException {
        List<Retrieved.Ranked> near = new VectorSearch(generation, hybrid)
                .similarQuestions(plan, ranking.filter(plan), limit);
        return Hits.read(generation, near, plan.marks(), snippets, withSnippets);
    }

    /**
     * The snippets of {@code units} for {@code request}: marked by the request's plan as every hit of its
     * search is (whatever the mode), each unit prepared afresh (only a few are asked for).
     */
    @Override
    public List<Snippet> snippets(SearchRequest request, List<Unit> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        try (LiveIndex.Lease lease = index.acquire()) {
            return snippetsOf(units, rankingFor(request).plan(request, served(lease.generation()).vocabulary()).marks());
        }
    }

    /** The snippets of {@code units} marked with {@code marks}, each unit prepared afresh. */
    private List<Snippet> snippetsOf(List<Unit> units, QueryTerms marks) {
        List<Snippet> out = new ArrayList<>(units.size());
        for (Unit unit : units) {
            out.add(snippets.build(snippets.prepare(unit.text()), marks));
        }
        return out;
    }

    /** The unit documents of the served generation, read from their stored fields in index order. */
    @Override
    public int eachUnit(Predicate<Unit> each) {
        return fromServed(generation -> {
            IndexSearcher searcher = generation.searcher();
            Weight units = searcher.createWeight(new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT)),
                    ScoreMode.COMPLETE_NO_SCORES, 1f);
            StoredFields stored = searcher.storedFields();
            ShownUnits kept = generation.shownUnits();
            int handed = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = units.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator docs = scorer.iterator();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    handed++;
                    // Kept as read for hits without snippets: the answer service's candidates are then
                    // never decompressed again (while the units fit, ShownUnits.DEFAULT_READ_WEIGHT).
                    int at = leaf.docBase + doc;
                    ShownUnits.Read read = kept.getRead(at);
                    if (read == null) {
                        read = Hits.readAndKeep(kept, stored, at);
                    }
                    if (!each.test(read.unit())) {
                        return handed;
                    }
                }
            }
            return handed;
        });
    }

    @Override
    public List<String> topics() {
        return fromServed(ServedGeneration::topics);
    }

    private UnitQueryBuilder rankingFor(SearchRequest request) {
        return request.ranking() == null ? queries : rankings.computeIfAbsent(request.ranking(), queries::withOptions);
    }

    private QueryCorrector correctorOf(UnitQueryBuilder ranking) {
        return correctors.computeIfAbsent(ranking, QueryCorrector::new);
    }

    /** Counts the units a query matches on {@code generation} (for "did you mean"). */
    private static ToIntFunction<Query> counter(ServedGeneration generation) {
        return query -> {
            try {
                return generation.searcher().count(generation.searchable(query));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public Optional<Article> article(String id) {
        return fromServed(generation -> generation.article(id));
    }

    @Override
    public Optional<String> disclaimer(String articleId) {
        return fromServed(generation -> generation.disclaimer(articleId));
    }

    /** Counted once per term and generation (the answer service asks for every question's terms). */
    @Override
    public Map<String, Integer> unitFrequencies(Collection<String> terms) {
        try (LiveIndex.Lease lease = index.acquire()) {
            ServedGeneration generation = served(lease.generation());
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String term : terms) {
                counts.put(term, generation.unitFrequency(term));
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<ArticleInfo> articles() {
        return fromServed(ServedGeneration::articles);
    }

    /**
     * Every nutrient with its unit count. Kept apart from the article listing: the page asks for it on
     * every load, and on a large corpus it is one doc-values pass while the article listing reads
     * every stored article (seconds at 200 000 units).
     */
    @Override
    public List<Facets.NutrientCount> nutrients() {
        return fromServed(ServedGeneration::nutrients);
    }

    /**
     * Builds what this backend keeps per index generation (the suggestions) now rather than on the first
     * request that needs it. After a switch they are rebuilt on first use.
     */
    public void warmUp() {
        suggestionIndex();
    }

    /**
     * Reads what every search on the served generation needs (its spelling vocabulary and facet ordinals) now
     * rather than in the first search.
     */
    public void prepareForSearches() {
        fromServed(generation -> {
            generation.vocabulary();
            return generation.facetOrdinals();
        });
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        return suggestionIndex().suggest(prefix, limit);
    }

    /**
     * The suggestions of the generation being served, built on first use after it was opened (one
     * pass over the stored units) and kept in memory until the next switch.
     */
    public SuggestionIndex suggestionIndex() {
        return fromServed(ServedGeneration::suggestions);
    }

    @Override
    public IndexStats stats() {
        return fromServed(ServedGeneration::stats);
    }

    @Override
    public Optional<IndexBuild> build() {
        Path dir = index.dir();
        String corpus = new IndexGenerations(dir.getParent()).manifest(dir).map(CorpusManifest::digest).orElse(null);
        return Optional.of(new IndexBuild(dir.getFileName().toString(), corpus));
    }

    @Override
    public Optional<Path> indexDir() {
        return Optional.of(index.dir());
    }

    @Override
    public Optional<String> nearestIndexedWord(String query) {
        return index.search(searcher -> nearest.find(searcher, query));
    }

    @Override
    public void close() {
        index.close();
    }
}
