package org.nutrisearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.snippet.SnippetAssertions;

/**
 * An article full of markup in every field. Snippets (the one HTML field) carry only the service's
 * own {@code <mark>} tags around escaped text; every other field comes back as the exact text, as a
 * JSON string (JSON is not HTML: the page puts those with textContent, which this test checks too).
 */
@Tag("integration")
class MarkupEscapingTest {

    static final ObjectMapper JSON = FixtureIndex.json();

    @TempDir
    static Path dir;
    static Article article;
    static LuceneSearchBackend backend;
    static Javalin app;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        CorpusLoad load = new CorpusLoader().load(Path.of("src/test/resources/markup/markup-article.txt"));
        assertTrue(load.problems().isEmpty(), load.problems().toString());
        article = load.articles().get(0);
        backend = FixtureIndex.open(dir, List.of(article));
        app = App.create(backend, NutrientLexicon.loadDefault(), JSON, ServerConfig.defaults()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        backend.close();
    }

    static JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        return JSON.readTree(r.body());
    }

    static JsonNode search(String q, String more) throws Exception {
        return get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&limit=100" + more);
    }

    @Test
    void theArticleReallyHasMarkupInEveryField() {
        assertTrue(article.title().contains("<script>"));
        for (Unit u : article.units()) {
            assertTrue(u.text().contains("<") || u.text().contains("&"), u.id());
        }
        assertTrue(article.units().stream().anyMatch(u -> u.heading() != null && u.heading().contains("<script>")));
        assertTrue(article.units().stream().anyMatch(u -> u.question() != null && u.question().contains("<script>")));
        assertEquals(10, article.units().size());
    }

    @Test
    void everySearchResultFieldIsTheExactTextAndEverySnippetIsEscaped() throws Exception {
        Map<String, Unit> expected = new LinkedHashMap<>();
        article.units().forEach(u -> expected.put(u.id(), u));
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (String q : List.of("magnesium", "potassium", "script alert", "img onerror", "mark fake", "cramps",
                "quick summary", "nutrient name role", "\"<script>alert\"", "<b>bold</b>")) {
            for (String kind : List.of("", "&kind=faq", "&kind=table", "&kind=summary", "&kind=keypoint", "&kind=section")) {
                for (JsonNode r : search(q, kind).get("results")) {
                    seen.put(r.get("id").asText(), r);
                }
            }
        }
        assertEquals(expected.keySet(), seen.keySet(), "every unit was returned by some search");
        for (JsonNode r : seen.values()) {
            Unit u = expected.get(r.get("id").asText());
            assertEquals(u.articleTitle(), r.get("article").get("title").asText(), u.id());
            assertEquals(u.heading(), textOrNull(r.get("heading")), u.id());
            assertEquals(u.question(), textOrNull(r.get("question")), u.id());
            assertEquals(u.text(), r.get("text").asText(), u.id());
            assertSafeSnippet(r.get("snippet").asText(), u.text(), u.id());
        }
    }

    @Test
    void markupTypedIntoTheQueryIsEchoedAsText() throws Exception {
        String q = "<script>alert(\"q\")</script> magnesium";
        JsonNode body = search(q, "");
        assertEquals(q, body.get("query").asText());
        assertFalse(body.get("results").isEmpty(), "the query still finds the article's magnesium units");
        for (JsonNode r : body.get("results")) {
            assertSafeSnippet(r.get("snippet").asText(), r.get("text").asText(), r.get("id").asText());
        }
    }

    @Test
    void answersAndTheirAlternativesAreTheExactTextWithEscapedSnippets() throws Exception {
        Map<String, Unit> expected = new LinkedHashMap<>();
        article.units().forEach(u -> expected.put(u.id(), u));
        int candidates = 0;
        for (String q : List.of("Can magnesium stop cramps?", "Does potassium matter?", "what is magnesium alert script")) {
            JsonNode body = get("/api/answer?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertEquals(q, body.get("question").asText());
            List<JsonNode> all = new java.util.ArrayList<>();
            if (!body.get("answer").isNull()) {
                all.add(body.get("answer"));
            }
            body.get("alternatives").forEach(all::add);
            for (JsonNode c : all) {
                Unit u = expected.get(c.get("id").asText());
                assertEquals(u.text(), c.get("text").asText(), u.id());
                assertEquals(u.question(), textOrNull(c.get("question")), u.id());
                assertEquals(u.articleTitle(), c.get("citation").get("articleTitle").asText(), u.id());
                assertEquals(u.heading(), textOrNull(c.get("citation").get("heading")), u.id());
                assertSafeSnippet(c.get("snippet").asText(), u.text(), u.id());
                candidates++;
            }
        }
        assertTrue(candidates >= 3, "answers and alternatives were checked: " + candidates);
    }

    @Test
    void theArticleEndpointsReturnTheExactText() throws Exception {
        assertEquals(JSON.valueToTree(article), get("/api/articles/" + article.id()));
        JsonNode listed = get("/api/articles").get("articles").get(0);
        assertEquals(article.title(), listed.get("title").asText());
    }

    @Test
    void thePagePutsOnlySnippetsIntoTheDocumentAsHtml() throws Exception {
        String script;
        try (InputStream in = MarkupEscapingTest.class.getResourceAsStream("/public/app.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher html = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\.html\\(").matcher(script);
        int uses = 0;
        while (html.find()) {
            uses++;
            String before = script.substring(0, html.start());
            String function = before.substring(before.lastIndexOf("function "));
            assertTrue(function.startsWith("function setSnippet("), "HTML is set outside setSnippet: " + function.lines().findFirst().orElse(""));
        }
        assertEquals(1, uses, "one place sets HTML: setSnippet");
    }

    static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static void assertSafeSnippet(String snippet, String unitText, String id) {
        SnippetAssertions.assertSafe(snippet, unitText, id);
    }
}
