package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.Nutrient;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.Suggestion;
import org.nutrisearch.search.query.NearestIndexedWord;
import org.nutrisearch.search.query.QueryCorrector;
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.snippet.SnippetBuilder;
import org.nutrisearch.search.suggest.SuggestionIndex;
import org.nutrisearch.search.suggest.SuggestionSources;

/** Search over the embedded Lucene index. Thread-safe: one instance serves all requests. */
public final class LuceneSearchBackend implements SearchBackend {

    /** Best first, ties by unit id: every ranked list of units is in this order. */
    static final Sort BY_SCORE_THEN_ID =
            new Sort(SortField.FIELD_SCORE, new SortField(UnitFields.ID, SortField.Type.STRING));
    private static final Query UNITS = new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT));
    private static final Query ARTICLES = new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_ARTICLE));

    private final LiveIndex index;
    private final NutrientLexicon lexicon;
    private final UnitQueryBuilder queries;
    private final SnippetBuilder snippets;
    private final QueryCorrector corrector;
    /** Builders for rankings other than this backend's own, asked for by a request (few: one per caller). */
    private final Map<RankingOptions, UnitQueryBuilder> rankings = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final NearestIndexedWord nearest = new NearestIndexedWord();
    /** The vocabulary of the reader last searched: typo corrections of one generation share one. */
    private final AtomicReference<IndexVocabulary> vocabulary = new AtomicReference<>();
    /** Per-generation listings, recomputed after a switch. */
    private final AtomicReference<Listing<List<ArticleInfo>>> articleListing = new AtomicReference<>();
    private final AtomicReference<Listing<List<Facets.NutrientCount>>> nutrientListing = new AtomicReference<>();
    private final AtomicReference<Listing<List<String>>> topicListing = new AtomicReference<>();

    /** A listing and the index version it was computed from. */
    private record Listing<T>(int version, T value) {
    }

    /** Suggestions of one generation. */
    private record Suggestions(int version, SuggestionIndex index) {
    }

    private final AtomicReference<Suggestions> suggestions = new AtomicReference<>();
    private final Object suggestionsBuild = new Object();

    /** Query embeddings, once the model is loaded (null until then, and always without a model). */
    private final AtomicReference<QueryVectors> queryVectors = new AtomicReference<>();
    /** Whether the served generation has vectors of the loaded model, per index version. */
    private final AtomicReference<Listing<Boolean>> vectorsServed = new AtomicReference<>();
    private final SearchMode defaultMode;
    private final HybridOptions hybrid;

    /** Results kept by default: a few hundred kilobytes to tens of megabytes of heap, see {@link SearchResultCache}. */
    public static final int DEFAULT_CACHED_RESULTS = 1024;
    /** The latest results of the served version; replaced (emptied) by {@link #cacheResults}. */
    private final AtomicReference<SearchResultCache> results =
            new AtomicReference<>(new SearchResultCache(DEFAULT_CACHED_RESULTS));

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
        this.corrector = new QueryCorrector(queries);
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
     * model loads after the index opens, so searches are answered (lexically) in the meantime.
     */
    public void useQueryVectors(QueryVectors vectors) {
        queryVectors.set(vectors);
        vectorsServed.set(null);
        // Results kept so far were retrieved without vectors; a request may now be answered with them.
        results.get().clear();
    }

    /**
     * Keeps the results of up to {@code capacity} requests (0: none) from now on, instead of
     * {@link #DEFAULT_CACHED_RESULTS}. A request asked again while the same index version is served
     * gets the kept result, with its own {@code tookMs}; a reindex drops them all.
     */
    public void cacheResults(int capacity) {
        results.set(new SearchResultCache(capacity));
    }

    @Override
    public SearchMode defaultMode() {
        return defaultMode;
    }

    @Override
    public boolean vectorsAvailable() {
        return queryVectors.get() != null && listing(vectorsServed, this::servesVectorsOf);
    }

    /** True when the generation's vectors were computed by the loaded model. */
    private boolean servesVectorsOf(IndexSearcher searcher) throws IOException {
        QueryVectors qv = queryVectors.get();
        IndexReader reader = searcher.getIndexReader();
        if (qv == null || !(reader instanceof DirectoryReader dr)) {
            return false;
        }
        Map<String, String> data = dr.getIndexCommit().getUserData();
        return qv.embedder().modelId().equals(data.get(UnitFields.COMMIT_VECTOR_MODEL))
                && !"0".equals(data.getOrDefault(UnitFields.COMMIT_VECTOR_COUNT, "0"));
    }

    @Override
    public SearchResult search(SearchRequest request) {
        long start = System.nanoTime();
        // Read before searching: LiveIndex switches the searcher first and the version after, so a
        // result is kept under its own version or, computed during a switch, under the one before;
        // that one is never read once the new version is seen, and the first put of the new one drops it.
        int version = index.version();
        SearchResultCache cache = results.get();
        SearchResult kept = cache.get(version, request);
        if (kept != null) {
            return new SearchResult(kept.total(), kept.hits(), kept.facets(), kept.didYouMean(),
                    (System.nanoTime() - start) / 1_000_000.0, kept.mode());
        }
        SearchResult computed = compute(request, start);
        cache.put(version, request, computed);
        return computed;
    }

    private SearchResult compute(SearchRequest request, long start) {
        SearchMode mode = request.mode() == null ? defaultMode : request.mode();
        QueryVectors qv = queryVectors.get();
        if (mode.usesVectors() && qv != null && vectorsAvailable()) {
            Optional<SearchResult> found = index.search(searcher -> {
                UnitQueryBuilder ranking = rankingFor(request);
                IndexVocabulary words = vocabularyOf(searcher);
                Optional<SearchResult> r = new VectorSearch(searcher, words, ranking, qv, hybrid, snippets)
                        .run(request, mode, start, this::facetsOf);
                // Typo corrections come from the words: a hybrid search offers them as a lexical one does.
                if (r.isPresent() && mode == SearchMode.HYBRID && ranking.options().fuzzy()) {
                    SearchResult res = r.get();
                    return Optional.of(new SearchResult(res.total(), res.hits(), res.facets(),
                            corrector.correct(request, words, counter(searcher)), res.tookMs(), res.mode()));
                }
                return r;
            });
            if (found.isPresent()) {
                return found.get();
            }
        }
        return index.search(searcher -> {
            UnitQueryBuilder ranking = rankingFor(request);
            IndexVocabulary words = vocabularyOf(searcher);
            UnitQueryBuilder.Built built = ranking.build(request, words);
            int wanted = request.offset() + request.limit();
            // Two passes cost less than one once a query matches thousands of units: facets and the
            // total visit every match without scoring it, and ranking scores only the units that can
            // still reach the page (block-max skipping needs a hit-count threshold, not an exact total).
            FacetCounter.Counts counts = searcher.search(built.query(), new FacetCounter());
            TopDocs docs = searcher.search(built.query(), new TopFieldCollectorManager(BY_SCORE_THEN_ID, wanted, null, wanted));
            List<SearchHit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int i = request.offset(); i < docs.scoreDocs.length; i++) {
                ScoreDoc sd = docs.scoreDocs[i];
                Document doc = stored.document(sd.doc);
                Unit unit = unitOf(doc);
                float score = ((FieldDoc) sd).fields[0] instanceof Float f ? f : sd.score;
                hits.add(new SearchHit(unit, snippets.build(unit.text(), built.terms()), nutrientsOf(doc), score));
            }
            String didYouMean = ranking.options().fuzzy() ? corrector.correct(request, words, counter(searcher)) : null;
            double tookMs = (System.nanoTime() - start) / 1_000_000.0;
            return new SearchResult(counts.matches(), hits, facetsOf(counts), didYouMean, tookMs);
        });
    }

    @Override
    public List<SearchHit> similarQuestions(SearchRequest request) {
        QueryVectors qv = queryVectors.get();
        if (qv == null || !vectorsAvailable()) {
            return List.of();
        }
        return index.search(searcher -> new VectorSearch(searcher, vocabularyOf(searcher), rankingFor(request), qv, hybrid, snippets)
                .similarQuestions(request));
    }

    /** The vocabulary of {@code searcher}'s reader, made once per reader (generation). */
    private IndexVocabulary vocabularyOf(IndexSearcher searcher) {
        IndexReader reader = searcher.getIndexReader();
        IndexVocabulary v = vocabulary.get();
        if (v == null || v.reader() != reader) {
            v = new IndexVocabulary(reader);
            vocabulary.set(v);
        }
        return v;
    }

    /** Counts the units a query matches on {@code searcher} (for "did you mean"). */
    private static ToIntFunction<Query> counter(IndexSearcher searcher) {
        return query -> {
            try {
                return searcher.count(query);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private UnitQueryBuilder rankingFor(SearchRequest request) {
        return request.ranking() == null ? queries : rankings.computeIfAbsent(request.ranking(), queries::withOptions);
    }

    private Facets facetsOf(FacetCounter.Counts counts) {
        List<Facets.NutrientCount> nutrients = new ArrayList<>();
        counts.nutrients().forEach((id, n) -> nutrients.add(new Facets.NutrientCount(id, labelOf(id), n)));
        nutrients.sort(Comparator.comparingInt(Facets.NutrientCount::count).reversed()
                .thenComparing(Facets.NutrientCount::id));
        List<Facets.KindCount> kinds = new ArrayList<>();
        counts.kinds().forEach((k, n) -> kinds.add(new Facets.KindCount(k, n)));
        kinds.sort(Comparator.comparingInt(Facets.KindCount::count).reversed().thenComparing(Facets.KindCount::kind));
        return new Facets(nutrients, kinds);
    }

    private String labelOf(String nutrientId) {
        return lexicon.byId(nutrientId).map(Nutrient::label).orElse(nutrientId);
    }

    static Unit unitOf(Document doc) {
        return new Unit(doc.get(UnitFields.ID), UnitKind.fromApiName(doc.get(UnitFields.KIND)),
                doc.get(UnitFields.ARTICLE_ID), doc.get(UnitFields.ARTICLE_TITLE), doc.get(UnitFields.SOURCE),
                doc.get(UnitFields.HEADING), doc.get(UnitFields.QUESTION), doc.get(UnitFields.TEXT),
                doc.get(UnitFields.FOCUS), QuestionType.fromLabel(doc.get(UnitFields.QUESTION_TYPE)));
    }

    static List<String> nutrientsOf(Document doc) {
        List<String> ids = new ArrayList<>();
        for (IndexableField f : doc.getFields(UnitFields.NUTRIENT)) {
            ids.add(f.stringValue());
        }
        return ids;
    }

    @Override
    public Optional<Article> article(String id) {
        return index.search(searcher -> {
            Query q = new BooleanQuery.Builder()
                    .add(ARTICLES, Occur.FILTER)
                    .add(new TermQuery(new Term(UnitFields.ARTICLE_ID, id)), Occur.FILTER)
                    .build();
            TopDocs top = searcher.search(q, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            String stored = searcher.storedFields().document(top.scoreDocs[0].doc).get(UnitFields.ARTICLE_JSON);
            return Optional.of(readArticle(stored));
        });
    }

    private Article readArticle(String stored) {
        try {
            return json.readValue(stored, Article.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Integer> unitFrequencies(Collection<String> terms) {
        return index.search(searcher -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String term : terms) {
                BooleanQuery.Builder anyField = new BooleanQuery.Builder();
                for (String field : List.of(UnitFields.TEXT, UnitFields.HEADING, UnitFields.QUESTION)) {
                    anyField.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
                }
                Query q = new BooleanQuery.Builder()
                        .add(UNITS, Occur.FILTER)
                        .add(anyField.build(), Occur.MUST)
                        .build();
                counts.put(term, searcher.count(q));
            }
            return counts;
        });
    }

    @Override
    public List<ArticleInfo> articles() {
        return listing(articleListing, this::listArticles);
    }

    /**
     * Every nutrient with its unit count. Kept apart from the article listing: the page asks for it on
     * every load, and on a large corpus it is one doc-values pass while the article listing reads
     * every stored article (seconds at 200 000 units).
     */
    @Override
    public List<Facets.NutrientCount> nutrients() {
        return listing(nutrientListing, this::listNutrients);
    }

    /**
     * Builds what this backend keeps per index generation (article listing, suggestions) now rather
     * than on the first request that needs it. After a switch they are rebuilt on first use.
     */
    public void warmUp() {
        suggestionIndex();
    }

    @Override
    public List<String> topics() {
        return listing(topicListing, this::listTopics);
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
        int version = index.version();
        Suggestions s = suggestions.get();
        if (s != null && s.version() == version) {
            return s.index();
        }
        synchronized (suggestionsBuild) {
            s = suggestions.get();
            if (s == null || s.version() != version) {
                Map<String, Integer> counts = new HashMap<>();
                nutrients().forEach(n -> counts.put(n.id(), n.count()));
                SuggestionIndex built = index.search(searcher ->
                        SuggestionIndex.of(new SuggestionSources().collect(searcher, lexicon, counts)));
                s = new Suggestions(version, built);
                suggestions.set(s);
            }
            return s.index();
        }
    }

    @Override
    public IndexStats stats() {
        // Counted, not catalogued: health checks stay cheap on a large index.
        return index.search(searcher -> new IndexStats(searcher.count(ARTICLES), searcher.count(UNITS)));
    }

    @Override
    public Optional<Path> indexDir() {
        return Optional.of(index.dir());
    }

    @Override
    public Optional<String> nearestIndexedWord(String query) {
        return index.search(searcher -> nearest.find(searcher, query));
    }

    private <T> T listing(AtomicReference<Listing<T>> cache, LiveIndex.SearcherWork<T> compute) {
        int version = index.version();
        Listing<T> l = cache.get();
        if (l == null || l.version() != version) {
            l = new Listing<>(version, index.search(compute));
            cache.set(l);
        }
        return l.value();
    }

    private List<ArticleInfo> listArticles(IndexSearcher searcher) throws IOException {
        StoredFields stored = searcher.storedFields();
        Map<String, Map<String, Integer>> countsByArticle = new LinkedHashMap<>();
        // Units are few per article; counting by kind per article from stored fields is cheap
        // next to a search, and it runs once per generation.
        TopDocs units = searcher.search(UNITS, Math.max(1, searcher.count(UNITS)));
        for (ScoreDoc sd : units.scoreDocs) {
            Document doc = stored.document(sd.doc, java.util.Set.of(UnitFields.ARTICLE_ID, UnitFields.KIND));
            countsByArticle.computeIfAbsent(doc.get(UnitFields.ARTICLE_ID), k -> emptyCounts())
                    .merge(doc.get(UnitFields.KIND), 1, Integer::sum);
        }
        List<ArticleInfo> articles = new ArrayList<>();
        TopDocs articleDocs = searcher.search(ARTICLES, Math.max(1, searcher.count(ARTICLES)),
                new Sort(new SortField(UnitFields.ARTICLE_ID, SortField.Type.STRING)));
        for (ScoreDoc sd : articleDocs.scoreDocs) {
            Article a = readArticle(stored.document(sd.doc).get(UnitFields.ARTICLE_JSON));
            articles.add(new ArticleInfo(a.id(), a.title(), a.source(),
                    countsByArticle.getOrDefault(a.id(), emptyCounts())));
        }
        return List.copyOf(articles);
    }

    /** Titles, foci and headings of every unit, distinct, in index order: one stored-field pass per generation. */
    private List<String> listTopics(IndexSearcher searcher) throws IOException {
        StoredFields stored = searcher.storedFields();
        Set<String> topics = new LinkedHashSet<>();
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

    private List<Facets.NutrientCount> listNutrients(IndexSearcher searcher) throws IOException {
        FacetCounter.Counts all = searcher.search(UNITS, new FacetCounter());
        List<Facets.NutrientCount> nutrients = new ArrayList<>();
        for (Nutrient n : lexicon.nutrients()) {
            nutrients.add(new Facets.NutrientCount(n.id(), n.label(), all.nutrients().getOrDefault(n.id(), 0)));
        }
        return List.copyOf(nutrients);
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (UnitKind k : UnitKind.values()) {
            counts.put(k.apiName(), 0);
        }
        return counts;
    }

    @Override
    public void close() {
        try {
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
