package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.LiveIndex;
import org.nutrisearch.search.LuceneSearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.SnippetBuilder;
import org.nutrisearch.search.UnitQueryBuilder;
import org.nutrisearch.search.UserQuery;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The OpenSearch backend ranks the bundled corpus like the embedded Lucene index: same hits, same
 * order, same totals, scores and facet counts for every query of the judged search set (no synonyms on either side,
 * as the embedded backend has none yet).
 */
@Tag("opensearch")
class OpenSearchLuceneParityTest {

    @TempDir
    static Path dir;
    private static OpenSearchTestCluster cluster;
    private static LuceneSearchBackend lucene;
    private static OpenSearchUnitSearcher openSearch;

    @BeforeAll
    static void indexBothWays() throws Exception {
        List<Article> articles = new CorpusLoader().load(Path.of("corpus")).articles();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexBuilder builder = new IndexBuilder(tagger, json);
        IndexGenerations generations = new IndexGenerations(dir);
        builder.rebuild(articles, generations, null);
        var analyzer = TextAnalyzers.english();
        lucene = new LuceneSearchBackend(LiveIndex.open(generations.current().orElseThrow()), lexicon,
                new UnitQueryBuilder(analyzer), new SnippetBuilder(analyzer, tagger), json);

        List<UnitDocument> units = new ArrayList<>();
        for (Article article : articles) {
            for (Unit unit : article.units()) {
                units.add(UnitDocument.of(unit, builder.nutrientIds(unit)));
            }
        }
        cluster = OpenSearchTestCluster.start();
        new OpenSearchIndexer(cluster.connection().client(), OpenSearchSchema.load(),
                OpenSearchIndexer.Options.defaults().withAlias("parity").withLayout(new IndexLayout(2, 0)))
                .reindex(units, List.of());
        openSearch = new OpenSearchUnitSearcher(cluster.connection().client(), "parity");
    }

    @AfterAll
    static void close() {
        if (lucene != null) {
            lucene.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void judgedQueriesGetTheSameTopTenTotalsScoresAndFacets() throws Exception {
        JsonNode queries;
        try (InputStream in = OpenSearchLuceneParityTest.class.getResourceAsStream("/eval/search-queries.json")) {
            queries = new ObjectMapper().readTree(in);
        }
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (JsonNode q : queries) {
            String text = q.get("query").asText();
            SearchResult expected = lucene.search(new SearchRequest(text, 10, 0, Set.of(), Set.of(), null));
            UserQuery user = UserQuery.parse(text);
            UnitSearchResult actual = openSearch.search(new UnitQuery(String.join(" ", user.words()), user.phrases(),
                    user.excluded(), Set.of(), Set.of(), null, 0, 10));
            List<String> expectedIds = expected.hits().stream().map(h -> h.unit().id()).toList();
            List<String> actualIds = actual.hits().stream().map(h -> h.unit().id()).toList();
            if (expected.total() != actual.total() || !expectedIds.equals(actualIds)) {
                differences.add(text + ": lucene " + expected.total() + " " + expectedIds
                        + " / opensearch " + actual.total() + " " + actualIds);
                continue;
            }
            Map<String, Long> expectedNutrients = new LinkedHashMap<>();
            expected.facets().nutrients().forEach(n -> expectedNutrients.put(n.id(), (long) n.count()));
            Map<String, Long> expectedKinds = new LinkedHashMap<>();
            expected.facets().kinds().forEach(k -> expectedKinds.put(k.kind(), (long) k.count()));
            if (!List.copyOf(expectedNutrients.entrySet()).equals(List.copyOf(actual.nutrientCounts().entrySet()))
                    || !List.copyOf(expectedKinds.entrySet()).equals(List.copyOf(actual.kindCounts().entrySet()))) {
                differences.add(text + ": facets lucene " + expectedNutrients + " " + expectedKinds
                        + " / opensearch " + actual.nutrientCounts() + " " + actual.kindCounts());
            }
            for (int i = 0; i < expectedIds.size(); i++) {
                SearchHit e = expected.hits().get(i);
                double a = actual.hits().get(i).score();
                if (Math.abs(e.score() - a) > 1e-4 * Math.max(1, Math.abs(a))) {
                    differences.add(text + ": score of " + e.unit().id() + " lucene " + e.score() + " / opensearch " + a);
                }
            }
            compared++;
        }
        System.out.printf("parity: %d of %d queries identical%n", compared - differences.size(), queries.size());
        differences.forEach(d -> System.out.println("parity difference: " + d));
        assertEquals(List.of(), differences);
        assertEquals(78, queries.size());
    }
}
