package org.nutrisearch.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.Unit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page over the five real articles of corpus/: what it shows must be what the API answered
 * (counts, order, chip counts), whatever the ranking of the day is.
 */
@Tag("integration")
@ExtendWith(RequiresChromium.class)
class RealCorpusBrowserTest {

    private static final By STATUS = By.id("status");
    private static final String QUERY = "magnesium leg cramps";

    @TempDir
    static Path dir;
    static PageServer server;
    static Browser browser;
    static final List<Article> articles = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(dir.resolve("profile"));
        CorpusLoad load = new CorpusLoader().load(Path.of("corpus"));
        assertEquals(List.of(), load.problems());
        articles.addAll(load.articles());
        assertEquals(5, articles.size());
        server = PageServer.start(dir.resolve("index"), articles, backend -> backend);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode api(String pathAndQuery) {
        return server.getJson(pathAndQuery);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String results(long n) {
        return n == 1 ? "1 result" : n + " results";
    }

    private static List<String> shownUnitIds() {
        return browser.findAll(By.cssSelector("#results a.result-link")).stream()
                .map(a -> a.getDomAttribute("data-unit")).toList();
    }

    private static List<String> shownChips() {
        return browser.findAll(By.cssSelector("#nutrient-facets .chip")).stream()
                .map(c -> c.getDomAttribute("data-nutrient") + "=" + c.findElement(By.className("chip-count")).getDomProperty("textContent"))
                .toList();
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    @Test
    void theResultsAndChipsAreWhatTheApiAnsweredAndAChipPredictsItsFilteredCount() throws Exception {
        JsonNode answer = api("/api/search?limit=10&q=" + encode(QUERY));
        long total = answer.get("total").asLong();
        assertTrue(total > 10, "the five articles are about exactly this: " + total);

        browser.resize(Browser.DESKTOP);
        browser.open(server.url("/"));
        browser.find(By.id("q")).sendKeys(QUERY);
        browser.waitForText(STATUS, results(total) + " for “" + QUERY + "” · showing 10");
        assertEquals(ids(answer.get("results")), shownUnitIds());
        for (WebElement snippet : browser.findAll(By.cssSelector("#results .snippet"))) {
            assertFalse(snippet.findElements(By.cssSelector("mark")).isEmpty(), snippet.getText());
        }
        List<String> facets = new ArrayList<>();
        answer.get("facets").get("nutrients").forEach(f -> {
            if (f.get("count").asInt() > 0) {
                facets.add(f.get("id").asText() + "=" + f.get("count").asInt());
            }
        });
        assertTrue(facets.size() > 8, "enough nutrients to need the more button: " + facets);
        assertEquals(facets.subList(0, 8), shownChips(), "the eight most frequent first");
        WebElement more = browser.find(By.id("more-chips"));
        assertEquals("+" + (facets.size() - 8) + " more", more.getText());
        browser.screenshot("real-search-desktop");
        more.click();
        assertEquals(facets, shownChips());
        assertEquals(facets.get(8).split("=")[0], browser.driver().switchTo().activeElement().getDomAttribute("data-nutrient"));
        assertTrue(browser.findAll(By.id("more-chips")).isEmpty());

        JsonNode potassium = null;
        for (JsonNode f : answer.get("facets").get("nutrients")) {
            if (f.get("id").asText().equals("potassium")) {
                potassium = f;
            }
        }
        assertTrue(potassium != null && potassium.get("count").asInt() > 0, "the articles name potassium with cramps");
        browser.find(By.cssSelector(".chip[data-nutrient='potassium']")).click();
        long filtered = potassium.get("count").asLong();
        browser.waitForText(STATUS, results(filtered) + " for “" + QUERY + "” · filtered by Potassium"
                + (filtered > 10 ? " · showing 10" : ""));
        assertEquals(ids(api("/api/search?limit=10&nutrient=potassium&q=" + encode(QUERY)).get("results")), shownUnitIds());
        for (WebElement result : browser.findAll(By.cssSelector("#results > li.result"))) {
            assertTrue(result.findElements(By.cssSelector(".nutrient-tag")).stream()
                    .anyMatch(t -> t.getDomProperty("textContent").equals("Potassium")), result.getText());
        }
    }

    @Test
    void everyUnitASearchCanReturnHasItsPlaceInTheArticleView() {
        browser.resize(Browser.DESKTOP);
        for (Article article : articles) {
            browser.open(server.url("/?article=" + encode(article.id())));
            browser.waitForText(By.id("article-title"), article.title());
            assertEquals(article.units().stream().map(Unit::id).toList(),
                    browser.findAll(By.cssSelector("#article-view .unit")).stream().map(e -> e.getDomAttribute("id")).toList(),
                    article.id());
        }
    }

    @Test
    void aRealResultOpensItsArticleAtTheUnit() throws Exception {
        String query = "potassium bananas";
        JsonNode first = api("/api/search?limit=10&q=" + encode(query)).get("results").get(0);
        String unit = first.get("id").asText();
        JsonNode article = api("/api/articles/" + first.get("article").get("id").asText());

        for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.resize(size);
            browser.open(server.url("/?q=" + encode(query)));
            WebElement link = browser.waitFor(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#results li:first-child a.result-link")));
            assertEquals(unit, link.getDomAttribute("data-unit"));
            if (size == Browser.PHONE) {
                assertEquals(Boolean.TRUE, browser.script(PageChecks.NO_SIDEWAYS_SCROLL));
                browser.screenshot("real-search-phone");
            }
            link.click();
            WebElement target = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id(unit)));
            browser.waitFor(d -> target.getDomAttribute("class").contains("is-target"));
            assertEquals(article.get("title").asText(), browser.find(By.cssSelector("#article-view h1")).getText());
            assertEquals(Boolean.TRUE, browser.script(PageChecks.STARTS_IN_VIEW, target));
            assertEquals(Boolean.TRUE, browser.script(PageChecks.NO_SIDEWAYS_SCROLL));
            browser.screenshot(size == Browser.PHONE ? "real-article-phone" : "real-article-desktop");
        }
        browser.resize(Browser.DESKTOP);
    }
}
