package org.nutrisearch.opensearch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a cluster without the k-NN plugin (the in-JVM OpenSearch 3.8 test cluster: the registries serve no
 * k-NN plugin for 3.8) a build with a model is made without vectors, and semantic and hybrid searches
 * run lexically, the response's {@code mode} saying so.
 */
@Tag("integration")
@Tag("opensearch")
@ExtendWith(SharedOpenSearch.class)
class OpenSearchKnnFallbackTest {

    @Test
    void withoutTheKnnPluginBuildsAreLexicalAndSearchesByMeaningFallBackToLexical(OpenSearchTestCluster cluster)
            throws Exception {
        List<Article> articles = new CorpusLoader().load(Path.of("corpus")).articles();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        ConceptEmbedder model = new ConceptEmbedder("concept-test");
        OpenSearchConnection connection = OpenSearchConnection.open(cluster.httpUrls());
        OpenSearchIndexer indexer = new OpenSearchIndexer(connection.client(), OpenSearchSchema.load(),
                OpenSearchIndexer.Options.defaults().withAlias("no-knn").withLayout(new IndexLayout(2, 0)));
        assertFalse(indexer.clusterHasKnn());
        new OpenSearchCorpusIndexer(indexer, new NutrientTagger(lexicon), json,
                OpenSearchCorpusIndexer.projectSynonyms(), model).index(articles);
        try (OpenSearchBackend backend = OpenSearchBackend.open(connection, "no-knn", lexicon, json,
                RankingOptions.DEFAULTS, () -> { }, SearchMode.HYBRID, HybridOptions.DEFAULTS)) {
            assertNull(backend.servedBuild().info().vectorModel(), "built without vectors");
            assertFalse(backend.vectorsAvailable(), "before the model is handed over");
            backend.useQueryVectors(new QueryVectors(model, 16));
            assertFalse(backend.vectorsAvailable(), "the build has no vectors");

            SearchResult lexical = backend.search(new SearchRequest("bananas cramps", 10, 0, Set.of(), Set.of(), null,
                    null, SearchMode.LEXICAL));
            assertTrue(lexical.total() > 0);
            for (SearchMode asked : List.of(SearchMode.HYBRID, SearchMode.SEMANTIC)) {
                SearchResult result = backend.search(new SearchRequest("bananas cramps", 10, 0, Set.of(), Set.of(), null,
                        null, asked));
                assertEquals(SearchMode.LEXICAL, result.mode(), asked + " fell back");
                assertEquals(lexical.total(), result.total());
                assertEquals(lexical.hits().stream().map(h -> h.unit().id()).toList(),
                        result.hits().stream().map(h -> h.unit().id()).toList());
                assertNull(result.hits().get(0).similarity());
            }
            // A request naming no mode gets the default (hybrid), lexically here.
            assertEquals(SearchMode.LEXICAL, backend.search(SearchRequest.of("bananas cramps")).mode());
            // Without question vectors no question is near; the topics are kept with any build.
            assertEquals(0, backend.servedBuild().info().questionVectors());
            assertEquals(List.of(), backend.similarQuestions(new SearchRequest("do bananas stop cramps?", 10, 0,
                    Set.of(), Set.of(), null, null, SearchMode.HYBRID)));
            assertEquals(OpenSearchCorpusIndexer.topics(articles), backend.topics());
        }
    }
}
