package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.Highlight;
import org.nutrisearch.search.MatchKind;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SnippetsLater;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.lucene.IndexVocabulary;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.query.UnitQueryBuilder;

/**
 * The OpenSearch backend answers like the embedded Lucene index over the bundled corpus, for every
 * query of the judged search set: same totals, hits in the same order with the same scores, the same
 * facet counts, and the same snippets with the same marks (a 2-shard index: ranking must not depend
 * on the shard count). Synonyms, nutrient boosts, field weights and typo corrections (from the
 * embedded index's spell field on one side, from the vocabulary kept with the OpenSearch build on the
 * other) are the service's, and so is "did you mean".
 */
@Tag("integration")
@Tag("opensearch")
@ExtendWith(SharedOpenSearch.class)
class OpenSearchLuceneParityTest {

    @TempDir
    static Path dir;
    private static Path generation;
    private static LuceneSearchBackend lucene;
    private static OpenSearchBackend openSearch;

    @BeforeAll
    static void indexBothWays(OpenSearchTestCluster cluster) throws Exception {
        List<Article> articles = new CorpusLoader().load(Path.of("corpus")).articles();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(tagger, json).rebuild(articles, generations, null);
        generation = generations.current().orElseThrow();
        lucene = LuceneSearchBackend.open(LiveIndex.open(generation), lexicon, json);

        OpenSearchConnection connection = OpenSearchConnection.open(cluster.httpUrls());
        new OpenSearchCorpusIndexer(new OpenSearchIndexer(connection.client(), OpenSearchSchema.load(),
                OpenSearchIndexer.Options.defaults().withAlias("parity").withLayout(new IndexLayout(2, 0))),
                tagger, json, OpenSearchCorpusIndexer.projectSynonyms()).index(articles);
        openSearch = OpenSearchBackend.open(connection, "parity", lexicon, json, RankingOptions.DEFAULTS, () -> { });
    }

    @AfterAll
    static void close() {
        if (lucene != null) {
            lucene.close();
        }
        if (openSearch != null) {
            openSearch.close();
        }
    }

    /**
     * Units whose embedded snippet marks a synonym phrase across a sentence end ("calcium. A
     * deficiency" for "calcium deficiency"), which the phrase query itself does not match: the
     * highlighter marks at most the typed words in it, every other mark is the same.
     */
    private static final Set<String> EMBEDDED_MARKS_UNMATCHED_PHRASE = Set.of(
            "hypocalcemia|nighttime-leg-cramps-nutrients#faq-1",
            "low calcium cramps|nighttime-leg-cramps-nutrients#faq-1");

    /** The service's ranking without typo corrections. */
    private static final RankingOptions WITHOUT_CORRECTIONS =
            RankingOptions.DEFAULTS.withFuzzy(false, RankingOptions.DEFAULTS.fuzzyWeight());

    @Test
    void judgedQueriesGetTheSameTopTenTotalsScoresFacetsAndSnippets() throws Exception {
        List<String> differences = new ArrayList<>();
        for (String text : judgedQueries()) {
            differences.addAll(differences(text, WITHOUT_CORRECTIONS));
        }
        System.out.printf("parity: %d differences over %d queries%n", differences.size(), judgedQueries().size());
        differences.forEach(d -> System.out.println("parity difference: " + d));
        assertEquals(List.of(), differences);
        assertEquals(78, judgedQueries().size());
    }

    @Test
    void withTheServiceRankingEveryJudgedQueryGetsTheSameCorrectionsHitsAndDidYouMean() throws Exception {
        UnitQueryBuilder service = UnitQueryBuilder.standard(new NutrientTagger(NutrientLexicon.loadDefault()),
                RankingOptions.DEFAULTS);
        int corrected = 0;
        int offered = 0;
        List<String> differences = new ArrayList<>();
        try (LiveIndex index = LiveIndex.open(generation)) {
            for (String text : judgedQueries()) {
                SearchRequest request = SearchRequest.of(text);
                // Corrections are added only for words the vocabulary does not know or barely knows.
                boolean corrects = index.search(searcher -> !service.build(request,
                        new IndexVocabulary(searcher.getIndexReader())).query().equals(service.build(request).query()));
                corrected += corrects ? 1 : 0;
                offered += lucene.search(SearchRequest.of(text)).didYouMean() != null ? 1 : 0;
                differences.addAll(differences(text, null));
            }
        }
        System.out.printf("service ranking: %d of %d judged queries get typo corrections, %d a didYouMean%n",
                corrected, judgedQueries().size(), offered);
        differences.forEach(d -> System.out.println("parity difference: " + d));
        assertEquals(List.of(), differences);
        // The judged set's 8 typo queries: the comparison above covers corrected queries, not only plain ones
        // (15 before common English words were taken as typed: "plain", "tire" and the like are not typos).
        assertEquals(8, corrected);
        assertTrue(offered > 0, "some judged query gets a didYouMean");
    }

    /**
     * Asked for hits without snippets, each backend gives the same hits with none, and the snippets it
     * builds for them afterwards (on OpenSearch from the cluster's highlights of those units) are the
     * ones its search with snippets gave.
     */
    @Test
    void withoutSnippetsEveryJudgedQueryGetsTheSameHitsAndTheSameSnippetsLaterOnEachBackend() throws Exception {
        for (SearchBackend backend : List.of(lucene, openSearch)) {
            List<String> differences = new ArrayList<>();
            int[] compared = {0};
            for (String text : judgedQueries()) {
                differences.addAll(SnippetsLater.searchDifferences(backend,
                        new SearchRequest(text, 10, 0, Set.of(), Set.of(), null, null, SearchMode.LEXICAL), compared));
            }
            differences.forEach(d -> System.out.println("snippets later difference: " + d));
            assertEquals(List.of(), differences, backend.getClass().getSimpleName());
            assertTrue(compared[0] > 300, "hits compared: " + compared[0]);
        }
    }

    @Test
    void zeroResultSearchesAreGroupedUnderTheWordTheyMissedOnBothBackends() {
        // What the analytics report groups a search that found nothing under (SearchAnalytics).
        Map<String, Optional<String>> expected = new LinkedHashMap<>();
        expected.put("magnesum", Optional.of("magnesium"));
        expected.put("potasium supplements", Optional.of("potassium"));
        expected.put("xyzzy", Optional.empty());
        expected.put("vitamin d", Optional.of("vitamin"));
        Map<String, Optional<String>> embedded = new LinkedHashMap<>();
        Map<String, Optional<String>> onOpenSearch = new LinkedHashMap<>();
        for (String q : expected.keySet()) {
            embedded.put(q, lucene.nearestIndexedWord(q));
            onOpenSearch.put(q, openSearch.nearestIndexedWord(q));
        }
        assertEquals(expected, embedded);
        assertEquals(expected, onOpenSearch);
    }

    private static List<String> judgedQueries() throws Exception {
        try (InputStream in = OpenSearchLuceneParityTest.class.getResourceAsStream("/eval/search-queries.json")) {
            List<String> texts = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(q -> texts.add(q.get("query").asText()));
            return texts;
        }
    }

    /** What differs between the two backends' first page for {@code text} ranked by {@code ranking} (null: the service's). */
    private static List<String> differences(String text, RankingOptions ranking) {
        List<String> differences = new ArrayList<>();
        SearchRequest request = new SearchRequest(text, 10, 0, Set.of(), Set.of(), null, ranking);
        SearchResult expected = lucene.search(request);
        SearchResult actual = openSearch.search(request);
        List<String> expectedIds = expected.hits().stream().map(h -> h.unit().id()).toList();
        List<String> actualIds = actual.hits().stream().map(h -> h.unit().id()).toList();
        if (!java.util.Objects.equals(expected.didYouMean(), actual.didYouMean())) {
            differences.add(text + ": didYouMean lucene " + expected.didYouMean() + " / opensearch " + actual.didYouMean());
        }
        if (expected.total() != actual.total() || !expectedIds.equals(actualIds)) {
            differences.add(text + ": lucene " + expected.total() + " " + expectedIds
                    + " / opensearch " + actual.total() + " " + actualIds);
            return differences;
        }
        if (!expected.facets().equals(actual.facets())) {
            differences.add(text + ": facets lucene " + expected.facets() + " / opensearch " + actual.facets());
        }
        for (int i = 0; i < expectedIds.size(); i++) {
            SearchHit e = expected.hits().get(i);
            SearchHit a = actual.hits().get(i);
            if (Math.abs(e.score() - a.score()) > 1e-4 * Math.max(1, Math.abs(a.score()))) {
                differences.add(text + ": score of " + e.unit().id() + " lucene " + e.score() + " / opensearch " + a.score());
            }
            if (EMBEDDED_MARKS_UNMATCHED_PHRASE.contains(text + "|" + e.unit().id())) {
                List<Highlight> extra = new ArrayList<>(e.snippet().highlights());
                extra.removeAll(a.snippet().highlights());
                List<Highlight> own = new ArrayList<>(a.snippet().highlights());
                own.removeAll(e.snippet().highlights());
                // One synonym mark on the embedded side; on OpenSearch at most the words inside it that the query matched.
                boolean onlyThePhrase = extra.size() == 1 && extra.get(0).match() == MatchKind.SYNONYM
                        && own.stream().allMatch(h -> h.start() >= extra.get(0).start() && h.end() <= extra.get(0).end());
                if (!onlyThePhrase) {
                    differences.add(text + ": snippet of " + e.unit().id() + " differs beyond the unmatched phrase:\n  lucene     " + e.snippet().highlights() + "\n  opensearch " + a.snippet().highlights());
                }
            } else if (!e.snippet().equals(a.snippet())) {
                differences.add(text + ": snippet of " + e.unit().id() + "\n  lucene     " + e.snippet()
                        + "\n  opensearch " + a.snippet());
            }
            if (!e.unit().equals(a.unit()) || !e.nutrients().equals(a.nutrients())) {
                differences.add(text + ": unit " + e.unit().id() + " differs");
            }
        }
        return differences;
    }
}
