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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.search.SearchBackend;

/** GET and POST /api/answer over the five bundled articles, on a real server spoken to over HTTP, on each backend. */
@Tag("integration")
@ParameterizedClass(name = "{0}")
@MethodSource("org.nutrisearch.http.ApiBackend#selected")
@ExtendWith(TestBackends.Extension.class)
class AnswerApiTest {

    static final String LEG_PAIN = "leg-pain-at-night-vitamin-deficiency";
    static final String ARTICLE_DISCLAIMER =
            "This content is for informational purposes only and should not replace professional medical advice.";

    private final SearchBackend backend;

    AnswerApiTest(ApiBackend kind, TestBackends backends) {
        this.backend = backends.bundled(kind);
    }

    private Javalin app(ServerConfig config) {
        return App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), config);
    }

    private Javalin app() {
        return app(ServerConfig.defaults());
    }

    private static JsonNode get(HttpClient client, String question, int status) throws Exception {
        var response = client.get("/api/answer?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        assertEquals(status, response.code(), question);
        assertTrue(response.headers().get("Content-Type").get(0).startsWith("application/json"));
        return FixtureIndex.json().readTree(response.body().string());
    }

    /** POSTs the body exactly as given (the test client would re-encode strings). */
    private static JsonNode post(Javalin server, String body, int status) throws Exception {
        return post(server, body.getBytes(StandardCharsets.UTF_8), status);
    }

    private static JsonNode post(Javalin server, byte[] body, int status) throws Exception {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/answer"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(status, response.statusCode(), new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8));
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            return FixtureIndex.json().readTree(response.body());
        }
    }

    private static String questionBody(String question) {
        return FixtureIndex.json().createObjectNode().put("question", question).toString();
    }

    @Test
    void aQuestionWithAnObviousAnswerGetsItWithCitationAndDisclaimer() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode body = get(client, "can low b12 make my legs tingle and burn", 200);
            assertEquals("can low b12 make my legs tingle and burn", body.get("question").asText());
            assertTrue(body.get("reason").isNull());
            assertFalse(body.get("ambiguous").asBoolean());
            JsonNode answer = body.get("answer");
            assertEquals(LEG_PAIN + "#faq-6", answer.get("id").asText());
            assertEquals("faq", answer.get("kind").asText());
            assertTrue(answer.get("text").asText().startsWith("A deficiency in vitamin B12 can damage nerves, causing"
                    + " peripheral neuropathy."), answer.get("text").asText());
            assertTrue(answer.get("question").isNull(), "this FAQ lost its question in scraping");
            double confidence = answer.get("confidence").asDouble();
            assertTrue(confidence >= ServerConfig.DEFAULT_ANSWER_THRESHOLD && confidence <= 1, "confidence " + confidence);
            assertEquals("[\"vitamin-b12\"]", answer.get("nutrients").toString());
            assertTrue(answer.get("snippet").asText().contains("<mark class=\"term\">B12</mark>"), answer.get("snippet").asText());
            assertFalse(answer.get("highlights").isEmpty());

            JsonNode citation = answer.get("citation");
            assertEquals(LEG_PAIN, citation.get("articleId").asText());
            assertEquals("Nutrition Diet: What vitamin deficiency causes leg pain at night?", citation.get("articleTitle").asText());
            assertEquals("Frequently Asked Questions", citation.get("heading").asText());
            assertEquals("corpus/" + LEG_PAIN + ".txt", citation.get("source").asText());
            assertEquals(ARTICLE_DISCLAIMER, body.get("disclaimer").asText());
            assertEquals("lexical", body.get("mode").asText(), "this index has no vectors: the answer says so");

            JsonNode alternatives = body.get("alternatives");
            assertTrue(alternatives.size() >= 1 && alternatives.size() <= AnswerService.ALTERNATIVES, alternatives.toString());
            double previous = confidence;
            for (JsonNode alt : alternatives) {
                assertFalse(alt.get("id").asText().equals(answer.get("id").asText()));
                assertTrue(alt.get("confidence").asDouble() <= previous, "alternatives come best first");
                previous = alt.get("confidence").asDouble();
                assertTrue(alt.has("citation") && alt.has("snippet") && alt.has("question"));
            }
        });
    }

    @Test
    void misspelledQuestionWordsAreReadAsMeant() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode signs = get(client, "what are the sighns of b12 defficiency", 200);
            assertTrue(signs.get("reason").isNull(), signs.toString());
            assertEquals("leg-cramps-vitamin-deficiency#faq-5", signs.get("answer").get("id").asText(),
                    "the FAQ on the signs of a deficiency: \"sighns\" asks for symptoms");
            assertEquals("what are the sighns of b12 defficiency", signs.get("question").asText(), "echoed as asked");

            JsonNode prevent = get(client, "how to prevnt night cramps", 200);
            assertTrue(prevent.get("reason").isNull(), prevent.toString());
            assertEquals("nighttime-leg-cramps-nutrients#faq-5", prevent.get("answer").get("id").asText());
        });
    }

    @Test
    void offTopicQuestionsGetNoAnswerAndSayWhy() {
        JavalinTest.test(app(), (server, client) -> {
            JsonNode knee = get(client, "how do i recover from knee surgery", 200);
            assertTrue(knee.get("answer").isNull());
            assertEquals("no_match", knee.get("reason").asText(), "no unit has any of recover, knee, surgery");
            assertEquals(0, knee.get("alternatives").size());
            assertEquals(AnswerService.STANDARD_DISCLAIMER, knee.get("disclaimer").asText());
            assertEquals("lexical", knee.get("mode").asText());

            JsonNode acne = get(client, "does magnesium help with acne", 200);
            assertTrue(acne.get("answer").isNull(), "magnesium paragraphs do not answer a question about acne");
            assertEquals("low_confidence", acne.get("reason").asText());
            assertFalse(acne.get("ambiguous").asBoolean());
            // No candidate is even offered as an alternative (a loop over them used to check an empty list).
            assertEquals(0, acne.get("alternatives").size(), acne.get("alternatives").toString());

            JsonNode pizza = get(client, "best pizza in chicago", 200);
            assertTrue(pizza.get("answer").isNull());
        });
    }

    @Test
    void getAndPostGiveTheSameBody() {
        JavalinTest.test(app(), (server, client) -> {
            for (String q : List.of("can low b12 make my legs tingle and burn", "does magnesium help with acne",
                    "how do i recover from knee surgery", "what foods have a lot of potassium")) {
                assertEquals(get(client, q, 200), post(server, questionBody(q), 200), q);
            }
        });
    }

    @Test
    void filtersWorkOnGetAndPostAlike() {
        JavalinTest.test(app(), (server, client) -> {
            String q = "can low b12 make my legs tingle and burn";
            var response = client.get("/api/answer?kind=section&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertEquals(200, response.code());
            JsonNode viaGet = FixtureIndex.json().readTree(response.body().string());
            JsonNode viaPost = post(server, "{\"question\": \"" + q + "\", \"kind\": [\"section\"]}", 200);
            assertEquals(viaGet, viaPost);
            // Declined or not (only sections may answer), the best section comes first.
            List<JsonNode> offered = new java.util.ArrayList<>();
            if (!viaGet.get("answer").isNull()) {
                offered.add(viaGet.get("answer"));
            }
            viaGet.get("alternatives").forEach(offered::add);
            assertFalse(offered.isEmpty(), viaGet.toString());
            assertEquals(LEG_PAIN + "#section-7", offered.getFirst().get("id").asText());
            assertEquals(java.util.Collections.nCopies(offered.size(), "section"),
                    offered.stream().map(o -> o.get("kind").asText()).toList());
        });
    }

    @Test
    void theThresholdComesFromTheServerConfig() {
        ServerConfig strict = ServerConfig.defaults().withAnswerThreshold(0.99);
        JavalinTest.test(app(strict), (server, client) -> {
            JsonNode body = get(client, "can low b12 make my legs tingle and burn", 200);
            assertTrue(body.get("answer").isNull());
            assertEquals("low_confidence", body.get("reason").asText());
            assertEquals(LEG_PAIN + "#faq-6", body.get("alternatives").get(0).get("id").asText(),
                    "the declined answer is still offered first");
        });
    }

    @Test
    void badBodiesGet400AndNamesTheProblem() {
        JavalinTest.test(app(), (server, client) -> {
            assertEquals("invalid_body", post(server, "will bananas help?", 400).get("error").get("code").asText());
            assertEquals("invalid_body", post(server, "", 400).get("error").get("code").asText());
            assertEquals("invalid_body", post(server, "[\"will bananas help?\"]", 400).get("error").get("code").asText());
            assertEquals("invalid_body", post(server, "\"will bananas help?\"", 400).get("error").get("code").asText());
            assertEquals("invalid_body", post(server, "{\"question\": \"iron\"} {}", 400).get("error").get("code").asText());
            assertEquals("invalid_body", post(server, "{\"question\": \"iron\"", 400).get("error").get("code").asText());

            JsonNode missing = post(server, "{\"q\": \"iron\"}", 400).get("error");
            assertEquals("invalid_parameter", missing.get("code").asText());
            assertEquals("question", missing.get("param").asText());
            assertEquals("question is required", missing.get("message").asText());
            assertEquals("question must be a string", post(server, "{\"question\": 5}", 400).get("error").get("message").asText());
            assertEquals("question must be a string",
                    post(server, "{\"question\": [\"iron\"]}", 400).get("error").get("message").asText());
            assertEquals("question must not be empty",
                    post(server, "{\"question\": \"   \"}", 400).get("error").get("message").asText());
            assertEquals("question must be at most 500 characters",
                    post(server, questionBody("a".repeat(501)), 400).get("error").get("message").asText());
            assertEquals("kind", post(server, "{\"question\": \"iron\", \"kind\": \"essay\"}", 400).get("error").get("param").asText());
            assertEquals("nutrient",
                    post(server, "{\"question\": \"iron\", \"nutrient\": [\"unobtainium\"]}", 400).get("error").get("param").asText());
            assertEquals("article", post(server, "{\"question\": \"iron\", \"article\": \"nope\"}", 400).get("error").get("param").asText());

            JsonNode tooLarge = post(server, questionBody("iron " + "x".repeat(AnswerHandler.MAX_BODY_BYTES)), 413).get("error");
            assertEquals(413, tooLarge.get("status").asInt());
            assertEquals("payload_too_large", tooLarge.get("code").asText());
        });
    }

    @Test
    void getChecksItsParametersLikeSearch() {
        JavalinTest.test(app(), (server, client) -> {
            assertEquals("q", SearchApiTest.get(client, "/api/answer", 400).get("error").get("param").asText());
            assertEquals("q", SearchApiTest.get(client, "/api/answer?q=%20", 400).get("error").get("param").asText());
            assertEquals("q", SearchApiTest.get(client, "/api/answer?q=" + "a".repeat(501), 400).get("error").get("param").asText());
            assertEquals("kind", SearchApiTest.get(client, "/api/answer?q=iron&kind=essay", 400).get("error").get("param").asText());
        });
    }
}
