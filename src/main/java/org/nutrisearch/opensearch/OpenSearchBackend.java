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
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.snippet.SnippetBuilder;

/**
 * The search backend on an OpenSearch cluster: units and articles live in two indexes behind aliases
 * ({@code nutrisearch}, {@code nutrisearch-articles}; suggestions behind {@code nutrisearch-suggest}), searched with the embedded backend's query
 * (built by the same {@link UnitQueryBuilder}, translated to OpenSearch's DSL),
 * facets from aggregations, query matches from OpenSearch's highlighter, rendered into snippets by
 * the embedded snippet code (same passage choice, nutrient marks and escaping). The API sees the same JSON as with the embedded index.
 *
 * <p>Nothing is cached between requests: every request goes to the cluster, so several service
 * instances can share one cluster, a reindex by any of them is seen by all, and the service recovers
 * by itself when an unreachable cluster comes back. While the cluster cannot answer every call throws
 * {@link OpenSearchUnavailableException} (503 with a retry hint at the HTTP layer); when the cluster
 * answers but has lost its indexes, {@code onIndexMissing} is told (to rebuild them). Thread-safe.
 */
public final class OpenSearchBackend implements SearchBackend {

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
        NutrientTagger tagger = new NutrientTagger(lexicon);
        return new OpenSearchBackend(connection, alias, lexicon, UnitQueryBuilder.standard(tagger, options),
                new SnippetBuilder(TextAnalyzers.english(), tagger), json, onIndexMissing);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        long start = System.nanoTime();
        // A request may name its own ranking (the answer service does), as on the embedded backend.
        UnitQueryBuilder ranking = request.ranking() == null ? queries
                : rankings.computeIfAbsent(request.ranking(), queries::withOptions);
        // Typo corrections come from the served build's vocabulary, as the embedded backend's from its index.
        Vocabulary vocabulary = call(builds::served).vocabulary();
        UnitQueryBuilder.Built built = ranking.build(request, vocabulary);
        UnitSearchResult found = call(() -> units.search(built.query(), request.offset(), request.limit()));
        QueryTerms terms = built.terms();
        List<SearchHit> hits = new ArrayList<>(found.hits().size());
        for (UnitSearchResult.Hit hit : found.hits()) {
            Unit unit = unitOf(hit.unit());
            hits.add(new SearchHit(unit, snippetOf(unit.text(), hit.fragments(), terms), hit.unit().nutrients(),
                    (float) hit.score()));
        }
        String didYouMean = ranking.options().fuzzy()
                ? corrector.correct(request, vocabulary, query -> call(() -> units.count(query))) : null;
        double tookMs = (System.nanoTime() - start) / 1_000_000.0;
        return new SearchResult(found.total(), hits, facetsOf(found), didYouMean, tookMs);
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
        return new Unit(d.id(), UnitKind.fromApiName(d.kind()), d.articleId(), d.articleTitle(), d.source(),
                d.heading(), d.question(), d.text());
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
