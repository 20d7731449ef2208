package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.nutrisearch.nutrients.NutrientLexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.SearchBackend;

/**
 * The search API over the five bundled articles, started on a random port and spoken to over HTTP, on
 * each backend: the embedded index and OpenSearch (a 2-shard index with a replica on a real cluster).
 */
@Tag("integration")
@ParameterizedClass(name = "{0}")
@MethodSource("org.nutrisearch.http.ApiBackend#selected")
@ExtendWith(TestBackends.Extension.class)
class SearchApiTest {

    private final SearchBackend backend;

    SearchApiTest(ApiBackend kind, TestBackends backends) {
        this.backend = backends.bundled(kind);
    }

    private Javalin app() {
        return App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults());
    }

    static JsonNode get(HttpClient client, String path, int status) throws Exception {
        var response = client.get(path);
        assertEquals(status, response.code(), path);
        return FixtureIndex.json().readTree(response.body().string());
    }

    /** The snippet as plain text: tags removed, entities decoded. */
    static String plain(String snippet) {
        return snippet.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    @Test
    void aPageOfHitsIsGzippedForABrowserAndPlainForAClientThatAsksForNoEncoding() {
        JavalinTest.test(app(), (server, client) -> {
            // java.net.http: the test client hands bodies over as text, and gzip is bytes.
            var http = java.net.http.HttpClient.newHttpClient();
            var uri = java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=magnesium%20cramps&limit=10");
            var bytes = java.net.http.HttpResponse.BodyHandlers.ofByteArray();
            var plain = http.send(java.net.http.HttpRequest.newBuilder(uri).build(), bytes);
            var gzipped = http.send(java.net.http.HttpRequest.newBuilder(uri)
                    .header("Accept-Encoding", "gzip, deflate, br").build(), bytes);
            assertEquals(200, plain.statusCode());
            assertEquals(200, gzipped.statusCode());
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "none asked for, none used");
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
            byte[] unzipped;
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
                unzipped = in.readAllBytes();
            }
            JsonNode a = FixtureIndex.json().readTree(plain.body());
            JsonNode b = FixtureIndex.json().readTree(unzipped);
            assertEquals(a.get("total"), b.get("total"));
            assertEquals(a.get("results"), b.get("results"), "the same hits and snippets once unzipped");
            assertTrue(gzipped.body().length * 3 < plain.body().length,
                    gzipped.body().length + " bytes gzipped against " + plain.body().length);
        });
    }

    @Test
    void healthCountsArticlesAndUnits() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = get(client, "/health", 200);
            assertEquals("ok", body.get("status").asText());
            assertEquals(5, body.get("articles").asInt());
            assertEquals(138, body.get("units").asInt());
        });
    }

    @Test
    void magnesiumCrampsRanksAMagnesiumUnitFirstWithMarksAtTheRightOffsets() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode first = get(client, "/api/search?q=magnesium%20cramps", 200).get("results").get(0);
            assertEquals("nighttime-leg-cramps-nutrients#section-2", first.get("id").asText());
            assertEquals("Magnesium Deficiency and Nighttime Cramps", first.get("heading").asText());
            assertEquals("magnesium", first.get("nutrients").get(0).asText());
            String text = plain(first.get("snippet").asText());
            int terms = 0;
            int magnesium = 0;
            for (JsonNode h : first.get("highlights")) {
                String marked = text.substring(h.get("start").asInt(), h.get("end").asInt());
                if (h.get("type").asText().equals("term")) {
                    terms++;
                    assertTrue(marked.equalsIgnoreCase("magnesium") || marked.equalsIgnoreCase("cramps"), marked);
                    assertEquals("exact", h.get("match").asText());
                } else if (h.get("nutrient").asText().equals("magnesium")) {
                    magnesium++;
                    assertEquals("magnesium", marked.toLowerCase());
                }
            }
            assertEquals(4, terms);
            assertEquals(3, magnesium);
        });
    }

    @Test
    void facetsCountAllMatchesAndAgreeWithFilters() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode all = get(client, "/api/search?q=cramps&limit=1", 200);
            long total = all.get("total").asLong();
            assertEquals(94, total);
            // Exact sizes first: a loop over an empty list would check nothing.
            assertEquals(5, all.get("facets").get("kinds").size(), all.get("facets").toString());
            assertEquals(11, all.get("facets").get("nutrients").size(), all.get("facets").toString());
            int kindSum = 0;
            for (JsonNode k : all.get("facets").get("kinds")) {
                kindSum += k.get("count").asInt();
                JsonNode filtered = get(client, "/api/search?q=cramps&limit=1&kind=" + k.get("kind").asText(), 200);
                assertEquals(k.get("count").asLong(), filtered.get("total").asLong(), k.toString());
            }
            assertEquals(total, kindSum);
            for (JsonNode n : all.get("facets").get("nutrients")) {
                JsonNode filtered = get(client, "/api/search?q=cramps&limit=100&nutrient=" + n.get("id").asText(), 200);
                assertEquals(n.get("count").asLong(), filtered.get("total").asLong(), n.toString());
                for (JsonNode r : filtered.get("results")) {
                    assertTrue(r.get("nutrients").toString().contains("\"" + n.get("id").asText() + "\""), r.get("id").asText());
                }
            }
            // (cramps with iron and vitamin D in an FAQ matched nothing: this loop used to check no result at all.)
            JsonNode both = get(client, "/api/search?q=cramps&nutrient=calcium&nutrient=vitamin-d&kind=faq&limit=100", 200);
            assertEquals(6, both.get("results").size(), both.toString());
            for (JsonNode r : both.get("results")) {
                assertEquals("faq", r.get("kind").asText());
                assertTrue(r.get("nutrients").toString().contains("\"calcium\""));
                assertTrue(r.get("nutrients").toString().contains("\"vitamin-d\""));
            }
        });
    }

    @Test
    void pagingIsDeterministicAndContiguous() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode page = get(client, "/api/search?q=leg%20cramps&limit=20", 200);
            assertEquals(20, page.get("results").size());
            JsonNode second = get(client, "/api/search?q=leg%20cramps&limit=10&offset=10", 200);
            for (int i = 0; i < 10; i++) {
                assertEquals(page.get("results").get(10 + i).get("id").asText(), second.get("results").get(i).get("id").asText());
            }
            double previous = Double.MAX_VALUE;
            String previousId = "";
            for (JsonNode r : page.get("results")) {
                double score = r.get("score").asDouble();
                assertTrue(score <= previous);
                if (score == previous) {
                    assertTrue(r.get("id").asText().compareTo(previousId) > 0, "ties broken by unit id");
                }
                previous = score;
                previousId = r.get("id").asText();
            }
        });
    }

    @Test
    void articleFilterPhrasesAndExclusions() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode inArticle = get(client, "/api/search?q=iron&article=calf-muscle-pain-deficiency", 200);
            assertEquals(0, inArticle.get("total").asInt());
            JsonNode phrase = get(client, "/api/search?q=%22restless%20legs%20syndrome%22&limit=100", 200);
            assertEquals(10, phrase.get("results").size(), phrase.toString());
            for (JsonNode r : phrase.get("results")) {
                assertTrue(r.get("text").asText().toLowerCase().contains("restless legs syndrome"), r.get("id").asText());
            }
            JsonNode excluded = get(client, "/api/search?q=cramps%20-magnesium&limit=100", 200);
            assertEquals(56, excluded.get("results").size(), excluded.toString());
            for (JsonNode r : excluded.get("results")) {
                assertTrue(!r.get("text").asText().toLowerCase().contains("magnesium"), r.get("id").asText());
            }
            assertEquals("article", get(client, "/api/search?q=iron&article=nope", 400).get("error").get("param").asText());
        });
    }

    @Test
    void articlesAndNutrientsAreListed() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode list = get(client, "/api/articles", 200);
            assertEquals(5, list.get("total").asInt());
            JsonNode calf = list.get("articles").get(0);
            assertEquals("calf-muscle-pain-deficiency", calf.get("id").asText());
            assertEquals("Which Deficiency Causes Calf Muscle Pain and What You Can Do", calf.get("title").asText());
            assertEquals(7, calf.get("counts").get("faq").asInt());
            assertEquals("{\"section\":9,\"faq\":7,\"table\":5,\"summary\":1,\"keypoint\":6}", calf.get("counts").toString());
            // A page at a time: a corpus of thousands of articles made one answer of megabytes.
            JsonNode page = get(client, "/api/articles?limit=2&offset=1", 200);
            assertEquals(5, page.get("total").asInt());
            assertEquals(2, page.get("articles").size());
            assertEquals(list.get("articles").get(1).get("id").asText(), page.get("articles").get(0).get("id").asText());
            assertEquals(0, get(client, "/api/articles?offset=5", 200).get("articles").size());
            assertEquals("limit", get(client, "/api/articles?limit=1001", 400).get("error").get("param").asText());
            JsonNode article = get(client, "/api/articles/leg-cramps-vitamin-deficiency", 200);
            assertEquals(7, article.get("faqs").size());
            assertTrue(article.get("faqs").get(5).get("answer").asText().startsWith("Bananas are rich in potassium"));
            assertEquals("This content is for informational purposes only and should not replace professional medical advice.",
                    article.get("disclaimer").asText());
            JsonNode nutrients = get(client, "/api/nutrients", 200).get("nutrients");
            assertEquals("magnesium", nutrients.get(0).get("id").asText());
            assertTrue(nutrients.get(0).get("count").asInt() > 0);
        });
    }
}
