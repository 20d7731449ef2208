package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.FaqEntry;
import org.nutrisearch.corpus.Section;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.SearchBackend;

/** The search API over two small fixture articles, one of them full of markup, on each backend. */
@Tag("integration")
@ParameterizedClass(name = "{0}")
@MethodSource("org.nutrisearch.http.ApiBackend#selected")
@ExtendWith(TestBackends.Extension.class)
class FixtureSearchApiTest {

    private final SearchBackend backend;

    FixtureSearchApiTest(ApiBackend kind, TestBackends backends) {
        this.backend = backends.backend(kind, "fixture", FixtureSearchApiTest::articles);
    }

    static List<Article> articles() {
        Article cramps = new Article("cramps", "Cramps and minerals", "corpus/cramps.txt", null, List.of(),
                List.of(new Section("Magnesium", null, "Low magnesium causes cramps at night."),
                        new Section("Iron", null, "Iron deficiency is linked to restless legs.")),
                List.of(new FaqEntry(null, "Bananas are rich in potassium.")), List.of(), "Not medical advice.");
        Article hostile = new Article("hostile", "<script>alert(1)</script> Title", "corpus/hostile.txt", null,
                List.of(), List.of(new Section("<b>Heading</b>", null,
                        "Calcium <script>alert('x')</script> & <img src=x onerror=alert(2)> cramps")),
                List.of(), List.of(), null);
        return List.of(cramps, hostile);
    }

    private static JsonNode get(io.javalin.testtools.HttpClient client, String path, int status) throws Exception {
        var response = client.get(path);
        assertEquals(status, response.code(), path);
        assertTrue(response.headers().get("Content-Type").get(0).startsWith("application/json"), path);
        return FixtureIndex.json().readTree(response.body().string());
    }

    @Test
    void magnesiumCrampsRanksTheMagnesiumSectionFirstWithMarks() {
        JavalinTest.test(App.create(backend, org.nutrisearch.nutrients.NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults()),
                (server, client) -> {
                    JsonNode body = get(client, "/api/search?q=magnesium%20cramps", 200);
                    assertEquals(2, body.get("total").asInt());
                    JsonNode first = body.get("results").get(0);
                    assertEquals("cramps#section-1", first.get("id").asText());
                    assertEquals("Magnesium", first.get("heading").asText());
                    assertEquals("Low <mark class=\"nutrient\" data-nutrient=\"magnesium\"><mark class=\"term\">magnesium</mark></mark>"
                            + " causes <mark class=\"term\">cramps</mark> at night.", first.get("snippet").asText());
                    JsonNode h = first.get("highlights");
                    assertEquals(3, h.size());
                    assertEquals("nutrient", h.get(0).get("type").asText());
                    assertEquals(4, h.get(0).get("start").asInt());
                    assertEquals(13, h.get(0).get("end").asInt());
                    assertEquals("exact", h.get(1).get("match").asText());
                    assertEquals(21, h.get(2).get("start").asInt());
                    assertEquals(27, h.get(2).get("end").asInt());
                    assertEquals("[\"magnesium\"]", first.get("nutrients").toString());
                });
    }

    @Test
    void markupInArticlesComesBackEscaped() {
        JavalinTest.test(App.create(backend, org.nutrisearch.nutrients.NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults()),
                (server, client) -> {
                    JsonNode first = get(client, "/api/search?q=calcium", 200).get("results").get(0);
                    String snippet = first.get("snippet").asText();
                    assertFalse(snippet.contains("<script"), snippet);
                    assertFalse(snippet.contains("<img"), snippet);
                    assertTrue(snippet.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img"), snippet);
                });
    }

    @Test
    void invalidParametersGetA400NamingThem() {
        JavalinTest.test(App.create(backend, org.nutrisearch.nutrients.NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults()),
                (server, client) -> {
                    JsonNode e = get(client, "/api/search?q=iron&limit=0", 400).get("error");
                    assertEquals("limit", e.get("param").asText());
                    assertEquals("limit must be between 1 and 100", e.get("message").asText());
                    assertEquals("invalid_parameter", e.get("code").asText());
                    assertEquals("q", get(client, "/api/search", 400).get("error").get("param").asText());
                    assertEquals("q", get(client, "/api/search?q=%20%20", 400).get("error").get("param").asText());
                    assertEquals("offset", get(client, "/api/search?q=iron&offset=x", 400).get("error").get("param").asText());
                    assertEquals("kind", get(client, "/api/search?q=iron&kind=essay", 400).get("error").get("param").asText());
                    assertEquals("nutrient", get(client, "/api/search?q=iron&nutrient=unobtainium", 400).get("error").get("param").asText());
                    assertEquals(404, get(client, "/nope", 404).get("error").get("status").asInt());
                    assertEquals(404, get(client, "/api/articles/nope", 404).get("error").get("status").asInt());
                });
    }
}
