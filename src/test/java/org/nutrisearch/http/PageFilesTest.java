package org.nutrisearch.http;

import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.Section;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/** The service serves its own search page, under a policy that forbids inline and foreign code. */
@Tag("integration")
class PageFilesTest {

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        backend = FixtureIndex.open(dir, List.of(new Article("a", "A", "corpus/a.txt", null, List.of(),
                List.of(new Section("Iron", null, "Iron matters.")), List.of(), List.of(), null)));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PageFilesTest.class.getResourceAsStream("/public/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(io.javalin.testtools.Response response, String name) {
        List<String> values = response.headers().get(name);
        assertNotNull(values, name);
        assertEquals(1, values.size(), name + ": " + values);
        return values.get(0);
    }

    @Test
    void slashServesThePageWithItsSecurityHeaders() {
        JavalinTest.test(App.create(backend, NutrientLexicon.loadDefault(), FixtureIndex.json(), ServerConfig.defaults()),
                (server, client) -> {
                    var page = client.get("/");
                    assertEquals(200, page.code());
                    assertTrue(header(page, "Content-Type").startsWith("text/html"), header(page, "Content-Type"));
                    assertEquals(PageFiles.CONTENT_SECURITY_POLICY, header(page, "Content-Security-Policy"));
                    assertEquals("nosniff", header(page, "X-Content-Type-Options"));
                    assertEquals(resource("index.html"), page.body().string());

                    var script = client.get("/app.js");
                    assertEquals(200, script.code());
                    assertTrue(header(script, "Content-Type").contains("javascript"), header(script, "Content-Type"));
                    var style = client.get("/style.css");
                    assertEquals(200, style.code());
                    assertTrue(header(style, "Content-Type").startsWith("text/css"), header(style, "Content-Type"));

                    // the API and its JSON errors are unchanged by the static files
                    assertEquals(200, client.get("/api/search?q=iron").code());
                    var missing = client.get("/no-such-page");
                    assertEquals(404, missing.code());
                    assertTrue(header(missing, "Content-Type").startsWith("application/json"));
                });
    }

    @Test
    void thePageLoadsNothingFromElsewhereAndRunsNoInlineCode() throws IOException {
        String html = resource("index.html");
        String css = resource("style.css");
        String js = resource("app.js");
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=\"/app\\.js\")", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "only /app.js is loaded as script");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no on* handlers");
        assertFalse(Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no inline style");
        for (String file : List.of(html, css, js)) {
            assertFalse(Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/", Pattern.CASE_INSENSITIVE).matcher(file).find(),
                    "no external URL");
            assertFalse(file.contains("@import") || file.contains("@font-face"), "no external fonts or imports");
        }
        // snippets are the only HTML from the API the page inserts, through one function
        assertEquals(1, Pattern.compile("innerHTML").matcher(js).results().count());
        assertTrue(js.contains("target.innerHTML = html;"));
        assertFalse(Pattern.compile("outerHTML|insertAdjacentHTML|document\\.write|eval\\(|new Function")
                .matcher(js).find());
    }
}
