package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The OpenSearch backend answers like the embedded Lucene index over the bundled corpus, for every
 * query of the judged search set: same totals, hits in the same order with the same scores, the same
 * facet counts, and the same snippets with the same marks (a 2-shard index: ranking must not depend
 * on the shard count).
 */
@Tag("opensearch")
@ExtendWith(SharedOpenSearch.class)
class OpenSearchLuceneParityTest {

    @TempDir
    static Path dir;
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
        var analyzer = TextAnalyzers.english();
        lucene = new LuceneSearchBackend(LiveIndex.open(generations.current().orElseThrow()), lexicon,
                new UnitQueryBuilder(analyzer), new SnippetBuilder(analyzer, tagger), json);

        OpenSearchConnection connection = OpenSearchConnection.open(cluster.httpUrls());
        new OpenSearchCorpusIndexer(new OpenSearchIndexer(connection.client(), OpenSearchSchema.load(),
                OpenSearchIndexer.Options.defaults().withAlias("parity").withLayout(new IndexLayout(2, 0))),
                tagger, json, OpenSearchCorpusIndexer.projectSynonyms()).index(articles);
        openSearch = new OpenSearchBackend(connection, "parity", lexicon, new UnitQueryBuilder(analyzer),
                new SnippetBuilder(analyzer, tagger), json, () -> { });
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

    @Test
    void judgedQueriesGetTheSameTopTenTotalsScoresFacetsAndSnippets() throws Exception {
        JsonNode queries;
        try (InputStream in = OpenSearchLuceneParityTest.class.getResourceAsStream("/eval/search-queries.json")) {
            queries = new ObjectMapper().readTree(in);
        }
        List<String> differences = new ArrayList<>();
        for (JsonNode q : queries) {
            String text = q.get("query").asText();
            SearchRequest request = new SearchRequest(text, 10, 0, Set.of(), Set.of(), null);
            SearchResult expected = lucene.search(request);
            SearchResult actual = openSearch.search(request);
            List<String> expectedIds = expected.hits().stream().map(h -> h.unit().id()).toList();
            List<String> actualIds = actual.hits().stream().map(h -> h.unit().id()).toList();
            if (expected.total() != actual.total() || !expectedIds.equals(actualIds)) {
                differences.add(text + ": lucene " + expected.total() + " " + expectedIds
                        + " / opensearch " + actual.total() + " " + actualIds);
                continue;
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
                if (!e.snippet().equals(a.snippet())) {
                    differences.add(text + ": snippet of " + e.unit().id() + "\n  lucene     " + e.snippet()
                            + "\n  opensearch " + a.snippet());
                }
                if (!e.unit().equals(a.unit()) || !e.nutrients().equals(a.nutrients())) {
                    differences.add(text + ": unit " + e.unit().id() + " differs");
                }
            }
        }
        System.out.printf("parity: %d of %d queries identical%n", queries.size() - differences.size(), queries.size());
        differences.forEach(d -> System.out.println("parity difference: " + d));
        assertEquals(List.of(), differences);
        assertEquals(78, queries.size());
    }
}
