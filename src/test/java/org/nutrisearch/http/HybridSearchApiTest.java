package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/** {@code mode} on the search and answer endpoints, over the five articles with test vectors. */
@Tag("integration")
class HybridSearchApiTest {

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;
    static NutrientLexicon lexicon;

    @BeforeAll
    static void index() throws Exception {
        lexicon = NutrientLexicon.loadDefault();
        backend = FixtureIndex.openHybrid(dir, new CorpusLoader().load(Path.of("corpus")).articles(),
                new ConceptEmbedder("concept-test"));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static JsonNode get(HttpClient client, String path, int status) throws Exception {
        var response = client.get(path);
        assertEquals(status, response.code(), path);
        return FixtureIndex.json().readTree(response.body().string());
    }

    @Test
    void eachModeSaysWhatRanAndSemanticResultsCarryTheirSimilarity() {
        JavalinTest.test(App.create(backend, lexicon, FixtureIndex.json(), ServerConfig.defaults()), (server, client) -> {
            JsonNode lexical = get(client, "/api/search?q=electrolyte&mode=lexical", 200);
            assertEquals("lexical", lexical.get("mode").asText());
            assertTrue(lexical.get("results").get(0).get("similarity").isNull());

            JsonNode semantic = get(client, "/api/search?q=electrolyte&mode=semantic&limit=3", 200);
            assertEquals("semantic", semantic.get("mode").asText());
            JsonNode first = semantic.get("results").get(0);
            assertEquals(first.get("score").asDouble(), first.get("similarity").asDouble(), 1e-4);

            assertEquals("hybrid", get(client, "/api/search?q=electrolyte", 200).get("mode").asText());
        });
    }

    @Test
    void anUnknownModeIsA400NamingTheParameter() {
        JavalinTest.test(App.create(backend, lexicon, FixtureIndex.json(), ServerConfig.defaults()), (server, client) -> {
            JsonNode search = get(client, "/api/search?q=iron&mode=fuzzy", 400).get("error");
            assertEquals("mode", search.get("param").asText());
            assertEquals("mode must be one of lexical, semantic, hybrid", search.get("message").asText());
            assertEquals("mode", get(client, "/api/answer?q=iron&mode=HYBRIDS", 400).get("error").get("param").asText());
            var post = client.post("/api/answer", "{\"question\": \"iron?\", \"mode\": 3}");
            assertEquals(400, post.code());
            JsonNode e = FixtureIndex.json().readTree(post.body().string()).get("error");
            assertEquals("mode", e.get("param").asText());
        });
    }

    @Test
    void theAnswerSaysWhichModeRetrievedItsCandidates() {
        JavalinTest.test(App.create(backend, lexicon, FixtureIndex.json(), ServerConfig.defaults()), (server, client) -> {
            String q = "can+low+b12+make+my+legs+tingle+and+burn";
            assertEquals("hybrid", get(client, "/api/answer?q=" + q, 200).get("mode").asText(),
                    "answers are retrieved hybrid unless a request says otherwise");
            JsonNode lexical = get(client, "/api/answer?q=" + q + "&mode=lexical", 200);
            assertEquals("lexical", lexical.get("mode").asText());
            assertEquals("leg-pain-at-night-vitamin-deficiency#faq-6", lexical.get("answer").get("id").asText(),
                    "the lexical answer is the one an index without vectors gives");
            var post = client.post("/api/answer", "{\"question\": \"can low b12 make my legs tingle\", \"mode\": \"semantic\"}");
            assertEquals(200, post.code());
            assertEquals("semantic", FixtureIndex.json().readTree(post.body().string()).get("mode").asText());
        });
    }

    @Test
    void healthSaysWhetherSearchesByMeaningRun() {
        JavalinTest.test(App.create(backend, lexicon, FixtureIndex.json(), ServerConfig.defaults()), (server, client) -> {
            JsonNode health = get(client, "/health", 200);
            assertTrue(health.get("vectors").asBoolean());
            assertEquals("hybrid", health.get("defaultMode").asText());
        });
    }
}
