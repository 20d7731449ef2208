package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.nutrients.Nutrient;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.nutrisearch.search.ArticleInfo;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.IndexBuild;
import org.nutrisearch.search.IndexStats;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.Snippet;
import org.nutrisearch.search.Suggestion;
import org.nutrisearch.search.query.QueryCorrector;
import org.nutrisearch.search.query.QueryTerms;
import org.nutrisearch.search.query.Vocabulary;
import org.nutrisearch.search.HybridFusion;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.query.VocabularyNearestWord;
import org.apache.lucene.util.VectorUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.nutrisearch.search.query.QueryPlan;
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.snippet.SnippetBuilder;

/**
 * The search backend on an OpenSearch cluster: units and articles live in two indexes behind aliases
 * ({@code nutrisearch}, {@code nutrisearch-articles}; suggestions behind {@code nutrisearch-suggest}), searched with the embedded backend's query
 * (built by the same {@link UnitQueryBuilder}, translated to OpenSearch's DSL),
 * facets from aggregations, query matches from OpenSearch's highlighter, rendered into snippets by
 * the embedded snippet code (same passage choice, nutrient marks and escaping). The API sees the same JSON as with the embedded index.
 *
 * <p>Searches by meaning (semantic, hybrid) run on the k-NN plugin's vector field and are fused as the
 * embedded backend fuses them ({@link HybridFusion}), the query embedded by the service.
 *
 * <p>Only the served build's record (read again at most once a second) and its vocabulary (once per
 * build) are kept between requests; everything else goes to the cluster every time, so several service
 * instances can share one cluster, a reindex by any of them is seen by all, and the service recovers
 * by itself when an unreachable cluster comes back. While the cluster cannot answer every call throws
 * {@link OpenSearchUnavailableException} (503 with a retry hint at the HTTP layer); when the cluster
 * answers but has lost its indexes, {@code onIndexMissing} is told (to rebuild them). Thread-safe.
 */
public final class OpenSearchBackend implements SearchBackend {

    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchBackend.class);

    private final OpenSearchConnection connection;
    private final OpenSearchUnitSearcher units;
    private final OpenSearchArticleStore articles;
    private final OpenSearchSuggester suggestions;
    private final OpenSearchBuilds builds;
    private final QueryCorrector corrector;
    private final NutrientLexicon lexicon;
    private final UnitQueryBuilder queries;
    private final SnippetBuilder snippets;
    private final ObjectMapper json;
    private final Runnable onIndexMissing;
    /** Builders for rankings requests name, by options (few: the service's callers use one or two). */
    private final Map<RankingOptions, UnitQueryBuilder> rankings = new ConcurrentHashMap<>();
    /** Query embeddings, once the model is loaded (null until then, and always without a model). */
    private final AtomicReference<QueryVectors> queryVectors = new AtomicReference<>();
    private final SearchMode defaultMode;
    private final HybridOptions hybrid;
    /**
     * How far the k-NN plugin's cosine (its own formula and rounding) may lie from the cosine of the stored
     * vectors: units this close to the last of the nearest are read too, so none of the truly nearest is missed.
     */
    private static final float COSINE_ROUNDING = 1e-4f;
    /** The last build found unable to serve searches by meaning, so that it is logged once. */
    private final AtomicReference<String> loggedLexicalBuild = new AtomicReference<>();

    /**
     * @param alias          the unit alias; articles are read from {@code alias + "-articles"}
     * @param queries        builds the query (the embedded backend's, translated) and the terms snippets label matches with
     * @param json           the mapper articles were stored with
     * @param onIndexMissing called (on the request's thread; it must not block) when the cluster has no
     *                       index behind an alias
     */
    public OpenSearchBackend(OpenSearchConnection connection, String alias, NutrientLexicon lexicon,
                             UnitQueryBuilder queries, SnippetBuilder snippets, ObjectMapper json,
                             Runnable onIndexMissing) {
        this(connection, alias, lexicon, queries, snippets, json, onIndexMissing, SearchMode.LEXICAL,
                HybridOptions.DEFAULTS);
    }

    /**
     * A backend that searches in {@code defaultMode} when a request names none (lexically while the
     * served build has no vectors of the loaded model) and fuses by {@code hybrid}, as the embedded
     * backend does.
     */
    public OpenSearchBackend(OpenSearchConnection connection, String alias, NutrientLexicon lexicon,
                             UnitQueryBuilder queries, SnippetBuilder snippets, ObjectMapper json,
                             Runnable onIndexMissing, SearchMode defaultMode, HybridOptions hybrid) {
        this.defaultMode = defaultMode;
        this.hybrid = hybrid;
        this.connection = connection;
        this.units = new OpenSearchUnitSearcher(connection.client(), alias);
        this.articles = new OpenSearchArticleStore(connection.client(), alias + OpenSearchIndexer.ARTICLES_SUFFIX);
        this.suggestions = new OpenSearchSuggester(connection.client(), alias + OpenSearchIndexer.SUGGEST_SUFFIX);
        this.builds = new OpenSearchBuilds(connection.client(), alias + OpenSearchIndexer.BUILD_SUFFIX);
        this.corrector = new QueryCorrector(queries);
        this.lexicon = lexicon;
        this.queries = queries;
        this.snippets = snippets;
        this.json = json;
        this.onIndexMissing = onIndexMissing;
    }

    /**
     * The backend wired as the service runs it: the embedded backend's standard query builder and
     * snippets ({@link UnitQueryBuilder#standard}), ranking by {@code options}.
     */
    public static OpenSearchBackend open(OpenSearchConnection connection, String alias, NutrientLexicon lexicon,
                                         ObjectMapper json, RankingOptions options, Runnable onIndexMissing) {
        return open(connection, alias, lexicon, json, options, onIndexMissing, SearchMode.LEXICAL, HybridOptions.DEFAULTS);
    }

    /** As {@link #open(OpenSearchConnection, String, NutrientLexicon, ObjectMapper, RankingOptions, Runnable)}, with a default mode and fusion. */
    public static OpenSearchBackend open(OpenSearchConnection connection, String alias, NutrientLexicon lexicon,
                                         ObjectMapper json, RankingOptions options, Runnable onIndexMissing,
                                         SearchMode defaultMode, HybridOptions hybrid) {
        NutrientTagger tagger = new NutrientTagger(lexicon);
        return new OpenSearchBackend(connection, alias, lexicon, UnitQueryBuilder.standard(tagger, options),
                new SnippetBuilder(TextAnalyzers.english(), tagger), json, onIndexMissing, defaultMode, hybrid);
    }

    /**
     * Lets semantic and hybrid searches run from now on, with {@code vectors} embedding the queries, on
     * builds whose units were embedded by the same model.
     */
    public void useQueryVectors(QueryVectors vectors) {
        queryVectors.set(vectors);
    }

    @Override
    public SearchMode defaultMode() {
        return defaultMode;
    }

    @Override
    public boolean vectorsAvailable() {
        if (queryVectors.get() == null) {
            return false;
        }
        try {
            return servesVectors(call(builds::served));
        } catch (OpenSearchUnavailableException e) {
            return false; // /health answers while the cluster is away; searches then answer 503
        }
    }

    /**
     * True when {@code build} holds vectors of the loaded model. A build without them (made without a
     * model, or on a cluster without the k-NN plugin) is searched lexically, which is logged once per build.
     */
    private boolean servesVectors(ServedBuild build) {
        QueryVectors qv = queryVectors.get();
        if (qv == null) {
            return false;
        }
        String model = build.info().vectorModel();
        if (qv.embedder().modelId().equals(model)) {
            return true;
        }
        if (!build.index().equals(loggedLexicalBuild.getAndSet(build.index()))) {
            LOG.warn("OpenSearch build {} has {}: semantic and hybrid searches run lexically (the response's mode says so)",
                    build.info().id(), model == null
                            ? "no vectors (built without a model, or the cluster has no k-NN plugin)"
                            : "vectors of another model (" + model + ", not " + qv.embedder().modelId() + ")");
        }
        return false;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        long start = System.nanoTime();
        UnitQueryBuilder ranking = rankingOf(request);
        ServedBuild build = call(builds::served);
        // Typo corrections come from the served build's vocabulary, as the embedded backend's from its index.
        Vocabulary vocabulary = build.vocabulary();
        SearchMode mode = modeOf(request);
        QueryPlan plan = ranking.plan(request, vocabulary);
        if (searchesByMeaning(mode, build, plan)) {
            return searchByMeaning(request, mode, ranking, plan, vocabulary, start);
        }
        UnitQueryBuilder.Built built = new UnitQueryBuilder.Built(ranking.query(plan), plan.marks());
        UnitSearchResult found = call(() -> units.search(built.query(), request.offset(), request.limit(),
                request.snippets()));
        QueryTerms terms = built.terms();
        List<SearchHit> hits = new ArrayList<>(found.hits().size());
        for (UnitSearchResult.Hit hit : found.hits()) {
            Unit unit = unitOf(hit.unit());
            hits.add(new SearchHit(unit, request.snippets() ? snippetOf(unit.text(), hit.fragments(), terms) : null,
                    hit.unit().nutrients(), (float) hit.score()));
        }
        String didYouMean = ranking.options().fuzzy() ? didYouMean(request, ranking, plan, vocabulary) : null;
        double tookMs = (System.nanoTime() - start) / 1_000_000.0;
        return new SearchResult(found.total(), hits, facetsOf(found), didYouMean, tookMs);
    }

    /**
     * A semantic or hybrid search, as the embedded backend runs it ({@code VectorSearch}): the nearest
     * units within the request's filters (k-NN plugin, HNSW, cosine), those below the similarity floor
     * dropped, alone or fused with the first {@code depth} units of the lexical ranking by
     * {@link HybridFusion}; total and facets over both lists; snippets marked from the query's terms.
     * Only for a search {@link #searchesByMeaning} lets search by meaning.
     */
    private SearchResult searchByMeaning(SearchRequest request, SearchMode mode, UnitQueryBuilder ranking,
                                         QueryPlan plan, Vocabulary vocabulary, long start) {
        String text = plan.embeddingText();
        UnitQueryBuilder.Built built = new UnitQueryBuilder.Built(ranking.query(plan), plan.marks());
        int wanted = request.offset() + request.limit();
        int depth = Math.max(hybrid.depth(), wanted);
        float[] queryVector = queryVectors.get().of(text);
        // Two round trips: the nearest units and the lexical ranking together (neither needs the other),
        // then the total and facets over both lists together with the page's units (both need the lists).
        org.apache.lucene.search.Query lexicalQuery = mode == SearchMode.HYBRID ? built.query() : null;
        OpenSearchUnitSearcher.Rankings lists = call(() -> units.rankings(queryVector, ranking.filter(plan), depth,
                lexicalQuery, depth));
        List<HybridFusion.Ranked<String>> semantic = lists.nearest().stream()
                .filter(r -> r.score() >= hybrid.minSimilarity()).toList();
        List<String> nearIds = semantic.stream().map(HybridFusion.Ranked::unitId).toList();
        List<HybridFusion.Fused<String>> order = mode == SearchMode.HYBRID
                ? HybridFusion.fuse(lists.lexical(), semantic, hybrid)
                : HybridFusion.alone(semantic);
        List<HybridFusion.Fused<String>> page = order.subList(Math.min(request.offset(), order.size()),
                Math.min(wanted, order.size()));
        // The lists carry ids only: the page's units are read whole, with their vectors and their question
        // vectors, for the cosines each hit reports (the answer service's passage and question-to-question
        // similarity).
        OpenSearchUnitSearcher.CountsAndUnits read = call(() -> units.countsAndUnits(lexicalQuery, nearIds,
                page.stream().map(HybridFusion.Fused::unitId).toList()));
        UnitSearchResult counts = read.counts();
        Map<String, OpenSearchUnitSearcher.StoredUnit> stored = read.units();
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (HybridFusion.Fused<String> f : page) {
            OpenSearchUnitSearcher.StoredUnit s = stored.get(f.unitId());
            if (s == null) {
                continue; // removed by a build switched between the two requests
            }
            Unit unit = unitOf(s.unit());
            // Cosines from the stored vectors, as the embedded backend reports them: the same floats.
            hits.add(new SearchHit(unit, request.snippets() ? snippets.build(unit.text(), built.terms()) : null,
                    s.unit().nutrients(), f.score(),
                    cosine(queryVector, s.vector()), cosine(queryVector, s.questionVector())));
        }
        // Typo corrections come from the words: a hybrid search offers them as a lexical one does.
        String didYouMean = mode == SearchMode.HYBRID && ranking.options().fuzzy()
                ? didYouMean(request, ranking, plan, vocabulary) : null;
        double tookMs = (System.nanoTime() - start) / 1_000_000.0;
        return new SearchResult(counts.total(), hits, facetsOf(counts), didYouMean, tookMs, mode);
    }

    /** The mode a request names, else the backend's default. */
    private SearchMode modeOf(SearchRequest request) {
        return request.mode() == null ? defaultMode : request.mode();
    }

    /**
     * Whether a search in {@code mode} for {@code plan} runs by meaning on {@code build}: the mode uses
     * vectors, the build has the loaded model's, and the query has words to embed (a query of exclusions
     * only is answered by words). Otherwise it runs by words.
     */
    private boolean searchesByMeaning(SearchMode mode, ServedBuild build, QueryPlan plan) {
        return mode.usesVectors() && servesVectors(build) && !plan.embeddingText().isBlank();
    }

    /** The ranking a request names (the answer service names one), else the backend's own. */
    private UnitQueryBuilder rankingOf(SearchRequest request) {
        return request.ranking() == null ? queries : rankings.computeIfAbsent(request.ranking(), queries::withOptions);
    }

    /**
     * The corrected query to offer, counted on the cluster. The corrector plans with the backend's own
     * ranking, so a request ranked that way hands it the plan it has; another ranking is planned again.
     */
    private String didYouMean(SearchRequest request, UnitQueryBuilder ranking, QueryPlan plan, Vocabulary vocabulary) {
        ToIntFunction<org.apache.lucene.search.Query> count = query -> call(() -> units.count(query));
        return ranking == queries ? corrector.correct(plan, count) : corrector.correct(request, vocabulary, count);
    }

    /**
     * The units whose own question lies nearest the request's query, as the embedded backend finds them
     * ({@code VectorSearch.similarQuestions}): the k-NN plugin's search on the question vectors within
     * the request's filters, {@code hybrid.depth()} deep; those that can be among the nearest
     * {@code limit} (the plugin's cosine is rounded otherwise than the embedded one) are read with their
     * vectors, and the nearest {@code limit} kept by the cosine of the stored question vector (ties by unit
     * id), which is each hit's score and question similarity. Empty without vectors of the loaded model,
     * without question vectors in the served build, or without words to embed.
     */
    @Override
    public List<SearchHit> similarQuestions(SearchRequest request) {
        UnitQueryBuilder ranking = rankingOf(request);
        ServedBuild build = call(builds::served);
        if (build.info().questionVectors() == 0 || !servesVectors(build) || request.limit() == 0) {
            return List.of();
        }
        QueryPlan plan = ranking.plan(request, build.vocabulary());
        String text = plan.embeddingText();
        if (text.isBlank()) {
            return List.of();
        }
        float[] queryVector = queryVectors.get().of(text);
        int depth = Math.max(request.limit(), hybrid.depth());
        List<HybridFusion.Ranked<String>> near = call(() -> units.nearestQuestions(queryVector, ranking.filter(plan), depth));
        if (near.isEmpty()) {
            return List.of();
        }
        float last = near.get(Math.min(request.limit(), near.size()) - 1).score();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < near.size() && (i < request.limit() || near.get(i).score() >= last - COSINE_ROUNDING); i++) {
            candidates.add(near.get(i).unitId());
        }
        Map<String, OpenSearchUnitSearcher.StoredUnit> stored = call(() -> units.units(candidates));
        List<HybridFusion.Ranked<String>> exact = new ArrayList<>(stored.size());
        stored.forEach((id, s) -> {
            if (s.questionVector() != null) {
                exact.add(new HybridFusion.Ranked<>(id, VectorUtil.dotProduct(queryVector, s.questionVector()), id));
            }
        });
        List<HybridFusion.Ranked<String>> nearest = HybridFusion.bestFirst(exact);
        List<SearchHit> hits = new ArrayList<>(request.limit());
        for (HybridFusion.Ranked<String> r : nearest.subList(0, Math.min(request.limit(), nearest.size()))) {
            OpenSearchUnitSearcher.StoredUnit s = stored.get(r.unitId());
            Unit unit = unitOf(s.unit());
            hits.add(new SearchHit(unit, request.snippets() ? snippets.build(unit.text(), plan.marks()) : null,
                    s.unit().nutrients(), r.score(),
                    cosine(queryVector, s.vector()), r.score()));
        }
        return hits;
    }

    /**
     * The snippets of {@code shown} for {@code request}, as its search would have made them: marked from the
     * query's terms when it searches by meaning (and for {@link #similarQuestions}, which only such a search
     * has), else from the cluster's highlights of the query on those units (one round trip).
     */
    @Override
    public List<Snippet> snippets(SearchRequest request, List<Unit> shown) {
        if (shown.isEmpty()) {
            return List.of();
        }
        UnitQueryBuilder ranking = rankingOf(request);
        ServedBuild build = call(builds::served);
        QueryPlan plan = ranking.plan(request, build.vocabulary());
        List<Snippet> out = new ArrayList<>(shown.size());
        if (searchesByMeaning(modeOf(request), build, plan)) {
            shown.forEach(u -> out.add(snippets.build(u.text(), plan.marks())));
            return out;
        }
        org.apache.lucene.search.Query query = ranking.query(plan);
        Map<String, List<MarkedFragment>> marked = call(() -> units.highlights(query,
                shown.stream().map(Unit::id).distinct().toList()));
        shown.forEach(u -> out.add(snippetOf(u.text(), marked.getOrDefault(u.id(), List.of()), plan.marks())));
        return out;
    }

    /** The subjects of the served build's units (kept with the build): the same list while it is served. */
    @Override
    public List<String> topics() {
        return call(builds::served).topics();
    }

    /** The cosine of a query vector with a stored unit-length vector, or null when there is none. */
    private static Float cosine(float[] query, float[] stored) {
        return stored == null ? null : VectorUtil.dotProduct(query, stored);
    }

    /**
     * The unit's text as the highlighter marked it (whole, so the passage is chosen like the embedded
     * backend's), then the embedded snippet rendering; without highlights, the embedded marking.
     */
    private Snippet snippetOf(String text, List<MarkedFragment> fragments, QueryTerms terms) {
        if (fragments.size() == 1 && fragments.get(0).text().equals(text)) {
            List<SnippetBuilder.TextSpan> matches = new ArrayList<>();
            for (MarkedFragment.Span mark : fragments.get(0).marks()) {
                matches.add(new SnippetBuilder.TextSpan(mark.start(), mark.end()));
            }
            return snippets.build(text, matches, terms);
        }
        // No word of the text matched (the unit matched on its heading or question): nothing to mark
        // but nutrients, as the embedded backend does for such a unit.
        return snippets.build(text, List.of(), terms);
    }

    private Facets facetsOf(UnitSearchResult found) {
        List<Facets.NutrientCount> nutrients = new ArrayList<>();
        found.nutrientCounts().forEach((id, n) -> nutrients.add(new Facets.NutrientCount(id, labelOf(id), n.intValue())));
        List<Facets.KindCount> kinds = new ArrayList<>();
        found.kindCounts().forEach((kind, n) -> kinds.add(new Facets.KindCount(kind, n.intValue())));
        // The aggregations already order by count, then key: the embedded backend's order.
        return new Facets(nutrients, kinds);
    }

    private String labelOf(String nutrientId) {
        return lexicon.byId(nutrientId).map(Nutrient::label).orElse(nutrientId);
    }

    private static Unit unitOf(UnitDocument d) {
        return d.toUnit();
    }

    @Override
    public Optional<Article> article(String id) {
        return call(() -> articles.get(id)).map(d -> d.toArticle(json));
    }

    @Override
    public List<ArticleInfo> articles() {
        List<ArticleInfo> listed = new ArrayList<>();
        for (ArticleDocument d : call(articles::list)) {
            // In kind order, as the embedded backend lists them (the cluster's source filtering reorders keys).
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (UnitKind kind : UnitKind.values()) {
                counts.put(kind.apiName(), d.counts().getOrDefault(kind.apiName(), 0));
            }
            listed.add(new ArticleInfo(d.id(), d.title(), d.source(), counts));
        }
        return listed;
    }

    @Override
    public List<Facets.NutrientCount> nutrients() {
        Map<String, Long> counts = call(() -> units.search(new MatchAllDocsQuery(), 0, 0)).nutrientCounts();
        List<Facets.NutrientCount> all = new ArrayList<>();
        for (Nutrient n : lexicon.nutrients()) {
            all.add(new Facets.NutrientCount(n.id(), n.label(), counts.getOrDefault(n.id(), 0L).intValue()));
        }
        return all;
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        return call(() -> suggestions.suggest(prefix, limit));
    }

    @Override
    public Map<String, Integer> unitFrequencies(Collection<String> terms) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        call(() -> units.unitFrequencies(terms)).forEach((term, n) -> counts.put(term, n.intValue()));
        return counts;
    }

    /** The build served now (as of at most a second ago): its record and vocabulary. */
    public ServedBuild servedBuild() {
        return call(builds::served);
    }

    @Override
    public Optional<IndexBuild> build() {
        BuildInfo info = servedBuild().info();
        return Optional.of(new IndexBuild(info.id(), info.corpus() == null ? null : info.corpus().digest()));
    }

    /** Reads the served build again at the next request (after this instance switched builds). */
    public void buildSwitched() {
        builds.refresh();
    }

    /**
     * The word a search that found nothing probably meant, from the served build's vocabulary (the same
     * words typo corrections read), for grouping zero-result searches in the analytics report.
     */
    @Override
    public Optional<String> nearestIndexedWord(String query) {
        return VocabularyNearestWord.find(call(builds::served).vocabulary(), query);
    }

    @Override
    public IndexStats stats() {
        long unitCount = call(units::count);
        long articleCount = call(articles::count);
        return new IndexStats((int) articleCount, (int) unitCount);
    }

    /** Runs a cluster call; tells {@code onIndexMissing} when the cluster answered without the index. */
    private <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (OpenSearchUnavailableException e) {
            if (e.indexMissing()) {
                onIndexMissing.run();
            }
            throw e;
        }
    }

    /** Closes the client (the cluster and its indexes stay). */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // Nothing is left to flush: requests are synchronous, the transport only holds sockets.
        }
    }
}
