package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.nutrisearch.nutrients.NutrientLexicon;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.nutrisearch.search.SearchBackend;

/**
 * {@code /api/suggest} over the five bundled articles: what is offered, in which order, and validation,
 * on each backend (OpenSearch: its completion suggester over the same suggestions).
 */
@Tag("integration")
@ParameterizedClass(name = "{0}")
@MethodSource("org.nutrisearch.http.ApiBackend#selected")
@ExtendWith(TestBackends.Extension.class)
class SuggestApiTest {

    private final SearchBackend backend;

    SuggestApiTest(ApiBackend kind, TestBackends backends) {
        this.backend = backends.bundled(kind);
    }

    private Javalin app() {
        return App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults());
    }

    /** The suggestions as "kind:text". */
    private static List<String> suggest(io.javalin.testtools.HttpClient client, String query) throws Exception {
        JsonNode body = SearchApiTest.get(client, "/api/suggest?" + query, 200);
        List<String> out = new ArrayList<>();
        body.get("suggestions").forEach(s -> out.add(s.get("kind").asText() + ":" + s.get("text").asText()));
        return out;
    }

    @Test
    void nutrientsFirstThenPhrasesHeadingsAndQuestions() {
        JavalinTest.test(app(), (server, client) -> {
            assertEquals(List.of("nutrient:Magnesium", "phrase:magnesium deficiency", "phrase:magnesium levels",
                    "phrase:magnesium supplements", "phrase:magnesium plays", "heading:Magnesium: For Muscle Relaxation",
                    "heading:Magnesium Deficiency and Muscle Function", "heading:Magnesium Deficiency and Nighttime Cramps"),
                    suggest(client, "q=mag"));
            // A word start inside a text matches too: "cram" finds "leg cramps" and questions about cramps.
            assertEquals(List.of("phrase:cramps and spasms", "phrase:leg cramps", "phrase:muscle cramps",
                    "phrase:nocturnal leg cramps", "heading:Magnesium Deficiency and Nighttime Cramps",
                    "heading:Conclusion: A Holistic Approach to Cramp Prevention",
                    "question:When should I see a doctor for leg cramps?",
                    "question:What vitamin deficiency causes nighttime leg cramps?"), suggest(client, "q=cram"));
        });
    }

    @Test
    void wholeWordsAliasesAndCaseAreHandled() {
        JavalinTest.test(app(), (server, client) -> {
            assertEquals(List.of("nutrient:Vitamin B1", "nutrient:Vitamin B12", "phrase:b1 and b12"),
                    suggest(client, "q=b1&limit=3"));
            assertEquals(List.of("nutrient:Vitamin B12"), suggest(client, "q=Cobal"));
            assertEquals(List.of("nutrient:Vitamin D", "phrase:vitamin d deficiency"),
                    suggest(client, "q=VITAMIN%20D&limit=2"));
            assertEquals(List.of(), suggest(client, "q=zzzz"));
        });
    }

    @Test
    void invalidParametersGetA400NamingThem() {
        JavalinTest.test(app(), (server, client) -> {
            assertEquals("q", SearchApiTest.get(client, "/api/suggest", 400).get("error").get("param").asText());
            assertEquals("q", SearchApiTest.get(client, "/api/suggest?q=%20", 400).get("error").get("param").asText());
            JsonNode tooLong = SearchApiTest.get(client, "/api/suggest?q=" + "a".repeat(101), 400).get("error");
            assertEquals("q must be at most 100 characters", tooLong.get("message").asText());
            JsonNode limit = SearchApiTest.get(client, "/api/suggest?q=mag&limit=21", 400).get("error");
            assertEquals("limit must be between 1 and 20", limit.get("message").asText());
            assertEquals("limit", SearchApiTest.get(client, "/api/suggest?q=mag&limit=0", 400).get("error").get("param").asText());
            // The longest prefix and the largest limit are accepted.
            assertEquals(List.of(), suggest(client, "q=" + "a".repeat(100) + "&limit=20"));
        });
    }
}
