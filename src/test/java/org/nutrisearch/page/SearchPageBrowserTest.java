package org.nutrisearch.page;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nutrisearch.page.PageFixtures.MINERALS;
import static org.nutrisearch.page.PageFixtures.MINERALS_TITLE;

/** The search page in headless Chromium over the real service and four fixture articles. */
@Tag("integration")
@ExtendWith(RequiresChromium.class)
class SearchPageBrowserTest {

    private static final By STATUS = By.id("status");
    private static final By RESULTS = By.cssSelector("#results > li.result");
    private static final String FAILING_QUERY = "trigger a server error";

    @TempDir
    static Path dir;
    static PageServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(dir.resolve("profile"));
        server = PageServer.start(dir.resolve("index"), PageFixtures.all(),
                backend -> new FailingSearchBackend(FAILING_QUERY, backend));
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

    @BeforeEach
    void desktop() {
        browser.resize(Browser.DESKTOP);
    }

    private static String text(WebElement e) {
        return e.getDomProperty("textContent").strip();
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(SearchPageBrowserTest::text).toList();
    }

    @Test
    void typingShowsResultsWithNutrientsMarkedInTheirColour() throws Exception {
        browser.open(server.url("/"));
        WebElement box = browser.find(By.id("q"));
        browser.waitFor(d -> box.equals(d.switchTo().activeElement()));
        assertEquals(box, browser.driver().switchTo().activeElement(), "the search box has focus on arrival");
        box.sendKeys("magnesium");

        browser.waitForText(STATUS, "5 results for “magnesium”");
        assertEquals(server.url("/?q=magnesium"), browser.driver().getCurrentUrl());
        List<WebElement> results = browser.findAll(RESULTS);
        assertEquals(5, results.size());
        assertEquals(Set.of(MINERALS + "#summary", MINERALS + "#keypoint-1", MINERALS + "#section-2",
                        MINERALS + "#faq-1", MINERALS + "#table-1-row-1"),
                results.stream().map(r -> r.findElement(By.cssSelector("a.result-link")).getDomAttribute("data-unit"))
                        .collect(Collectors.toSet()));
        assertEquals(Set.of("Quick Summary", "Key Points", "Magnesium: For Muscle Relaxation",
                        "Can magnesium help with leg cramps?", "Comparison of Key Nutrients"),
                Set.copyOf(texts(browser.findAll(By.cssSelector("#results a.result-link")))));
        assertEquals(Set.of("Summary", "Key point", "Section", "FAQ", "Table"),
                Set.copyOf(texts(browser.findAll(By.cssSelector("#results .badge")))));
        for (WebElement result : results) {
            assertEquals(MINERALS_TITLE, text(result.findElement(By.className("result-article"))));
            WebElement mark = result.findElement(By.cssSelector(".snippet mark.nutrient[data-nutrient='magnesium']"));
            assertEquals("magnesium", text(mark).toLowerCase(java.util.Locale.ROOT));
            assertTrue(mark.getDomAttribute("class").contains("nc-0"), mark.getDomAttribute("class"));
            // the nutrient's tint (#d9f2e3) and line (#1e8a4c) come from style.css
            assertEquals("rgba(217, 242, 227, 1)", mark.getCssValue("background-color"));
            assertEquals("rgba(30, 138, 76, 1)", mark.getCssValue("border-bottom-color"));
            WebElement term = mark.findElement(By.cssSelector("mark.term"));
            assertEquals("800", term.getCssValue("font-weight"));
            assertEquals("Magnesium", text(result.findElement(By.cssSelector(".nutrient-tag.nc-0"))));
        }
        List<?> contrast = (List<?>) browser.script(PageChecks.MIN_CONTRAST,
                "mark, .badge, .chip-label, .chip-count, .result-article, .result-link, .status, .disclaimer, .hint, "
                        + ".nutrient-tag, .brand, .tagline");
        assertTrue(((Number) contrast.get(0)).doubleValue() >= 4.5, "lowest contrast " + contrast);
        browser.screenshot("search-desktop");
    }

    @Test
    void aNutrientChipFiltersTheResultsAndBackUndoesIt() throws Exception {
        browser.open(server.url("/?q=cramps"));
        browser.waitForText(STATUS, "13 results for “cramps” · showing 10");
        assertEquals(List.of("Magnesium", "Potassium", "Calcium", "Vitamin B12"),
                texts(browser.findAll(By.cssSelector("#nutrient-facets .chip-label"))));
        assertEquals(List.of("3", "2", "1", "1"), texts(browser.findAll(By.cssSelector("#nutrient-facets .chip-count"))));
        assertEquals(List.of("FAQ", "Sections", "Summaries"),
                texts(browser.findAll(By.cssSelector("#kind-facets .chip-label"))));
        assertEquals(List.of("8", "4", "1"), texts(browser.findAll(By.cssSelector("#kind-facets .chip-count"))));

        browser.find(By.cssSelector(".chip[data-nutrient='magnesium']")).click();
        browser.waitForText(STATUS, "3 results for “cramps” · filtered by Magnesium");
        assertEquals(server.url("/?q=cramps&nutrient=magnesium"), browser.driver().getCurrentUrl());
        assertEquals("true", browser.find(By.cssSelector(".chip[data-nutrient='magnesium']")).getDomAttribute("aria-pressed"));
        List<WebElement> results = browser.findAll(RESULTS);
        assertEquals(3, results.size());
        for (WebElement result : results) {
            assertTrue(texts(result.findElements(By.className("nutrient-tag"))).contains("Magnesium"));
        }
        assertTrue(browser.find(By.id("clear-filters")).isDisplayed());
        browser.screenshot("search-filtered-desktop");

        browser.driver().navigate().back();
        browser.waitForText(STATUS, "13 results for “cramps” · showing 10");
        assertEquals(server.url("/?q=cramps"), browser.driver().getCurrentUrl());
        assertEquals("false", browser.find(By.cssSelector(".chip[data-nutrient='magnesium']")).getDomAttribute("aria-pressed"));
        assertEquals("cramps", browser.find(By.id("q")).getDomProperty("value"));
    }

    @Test
    void moreResultsAddsTheNextPage() {
        browser.open(server.url("/?q=cramps"));
        browser.waitForText(STATUS, "13 results for “cramps” · showing 10");
        assertEquals(10, browser.findAll(RESULTS).size());
        WebElement more = browser.find(By.id("more"));
        assertEquals("More results (3 more)", more.getText());
        more.click();
        browser.waitForText(STATUS, "13 results for “cramps”");
        List<WebElement> results = browser.findAll(RESULTS);
        assertEquals(13, results.size());
        assertEquals(13, results.stream().map(r -> r.findElement(By.cssSelector("a.result-link")).getDomAttribute("data-unit"))
                .distinct().count(), "no result twice");
        assertFalse(more.isDisplayed());
        assertEquals(results.get(10).findElement(By.cssSelector("a.result-link")),
                browser.driver().switchTo().activeElement(), "focus moves to the first new result");
    }

    @Test
    void aResultOpensItsArticleScrolledToTheUnit() throws Exception {
        browser.open(server.url("/?q=potassium"));
        browser.waitForText(STATUS, "4 results for “potassium”");
        WebElement link = browser.find(By.cssSelector("a.result-link[data-unit='" + MINERALS + "#section-3']"));
        assertEquals("Potassium: The Electrolyte Balancer", link.getText());
        link.click();

        WebElement target = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id(MINERALS + "#section-3")));
        browser.waitFor(d -> target.getDomAttribute("class").contains("is-target"));
        assertEquals(server.url("/?article=" + MINERALS + "&q=potassium#" + MINERALS + "%23section-3"),
                browser.driver().getCurrentUrl());
        assertEquals(MINERALS_TITLE, browser.find(By.cssSelector("#article-view h1")).getText());
        assertEquals(Boolean.TRUE, browser.script(PageChecks.STARTS_IN_VIEW, target));
        assertTrue(((Number) browser.script("return window.scrollY;")).intValue() > 0, "the page scrolled to the unit");
        assertEquals(target, browser.driver().switchTo().activeElement());
        assertEquals(List.of("#summary", "#keypoint-1", "#keypoint-2", "#section-1", "#section-2", "#section-3",
                        "#section-4", "#faq-1", "#faq-2", "#table-1-row-1", "#table-1-row-2", "#table-1-row-3").stream()
                        .map(s -> MINERALS + s).toList(),
                browser.findAll(By.cssSelector("#article-view .unit")).stream().map(e -> e.getDomAttribute("id")).toList());
        assertEquals("Potassium Nerve signals Bananas, potatoes", browser.find(By.id(MINERALS + "#table-1-row-2")).getText());
        assertEquals("This article is for information only and is not medical advice.",
                browser.find(By.className("article-disclaimer")).getText());
        browser.screenshot("article-desktop");

        browser.find(By.id("back-to-results")).click();
        browser.waitForText(STATUS, "4 results for “potassium”");
        assertEquals(server.url("/?q=potassium"), browser.driver().getCurrentUrl());
        assertTrue(browser.find(By.id("article-view")).getDomProperty("hidden").equals("true"));
    }

    @Test
    void aSharedUnitLinkOpensTheArticleThere() {
        browser.open(server.url("/?article=" + PageFixtures.IRON + "#" + PageFixtures.IRON + "%23faq-1"));
        WebElement target = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id(PageFixtures.IRON + "#faq-1")));
        browser.waitFor(d -> target.getDomAttribute("class").contains("is-target"));
        assertEquals("Does iron help restless legs?\nIron supplements help when ferritin is low. Ask a doctor before taking iron.",
                target.getText());
        assertEquals("← New search", browser.find(By.id("back-to-results")).getText());
        assertEquals("Iron, B12 and Restless Legs – NutriSearch", browser.driver().getTitle());
    }

    @Test
    void theKeyboardAloneSearchesAndFilters() {
        browser.open(server.url("/"));
        // The page focuses the box once its script has run, which may be just after the load event.
        browser.waitFor(d -> "q".equals(d.switchTo().activeElement().getDomAttribute("id")));
        WebElement box = browser.driver().switchTo().activeElement();
        assertEquals("q", box.getDomAttribute("id"));
        box.sendKeys("iron" + Keys.ENTER);
        browser.waitForText(STATUS, "2 results for “iron”");
        assertEquals(server.url("/?q=iron"), browser.driver().getCurrentUrl());

        new Actions(browser.driver()).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
        WebElement chip = browser.driver().switchTo().activeElement();
        assertEquals("iron", chip.getDomAttribute("data-nutrient"), "after the box and its button comes the first chip");
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitForText(STATUS, "2 results for “iron” · filtered by Iron");
        WebElement focused = browser.driver().switchTo().activeElement();
        assertEquals("iron", focused.getDomAttribute("data-nutrient"), "focus stays on the chip after the update");
        assertEquals("true", focused.getDomAttribute("aria-pressed"));

        new Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
        browser.waitForText(STATUS, "2 results for “iron”");
        assertEquals(server.url("/?q=iron"), browser.driver().getCurrentUrl());
    }

    @Test
    void noMatchesShowsAnEmptyStateAndAFailureShowsAnError() throws Exception {
        browser.open(server.url("/"));
        WebElement box = browser.find(By.id("q"));
        box.sendKeys("xylophone");
        browser.waitForText(STATUS, "No matches for “xylophone” yet: keep typing, or press Enter to search.");
        assertFalse(browser.find(By.id("empty")).isDisplayed(), "no empty state while a word may be unfinished");
        box.sendKeys(Keys.ENTER);
        browser.waitForText(STATUS, "0 results for “xylophone”");
        assertEquals(server.url("/?q=xylophone"), browser.driver().getCurrentUrl());
        assertEquals("Nothing in the articles matches “xylophone”. Check the spelling, use fewer words, "
                + "or try a nutrient name such as magnesium or vitamin D.", browser.find(By.id("empty-text")).getText());
        assertTrue(browser.find(By.id("empty")).isDisplayed());
        assertEquals(0, browser.findAll(RESULTS).size());

        browser.open(server.url("/?q=" + FAILING_QUERY.replace(' ', '+')));
        WebElement error = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertEquals("alert", error.getDomAttribute("role"));
        assertEquals("Search failed: the server could not answer this request (HTTP 500).",
                browser.find(By.id("error-text")).getText());
        assertTrue(browser.find(By.id("retry")).isDisplayed());
        assertEquals("", browser.find(STATUS).getText());
        assertEquals(0, browser.findAll(RESULTS).size());
        browser.screenshot("error-desktop");
    }

    @Test
    void controlsAreLabelledAndUpdatesAreAnnounced() {
        browser.open(server.url("/?q=cramps"));
        browser.waitForText(STATUS, "13 results for “cramps” · showing 10");
        assertEquals("en", browser.find(By.tagName("html")).getDomAttribute("lang"));
        WebElement status = browser.find(STATUS);
        assertEquals("polite", status.getDomAttribute("aria-live"));
        WebElement box = browser.find(By.id("q"));
        assertEquals("combobox", box.getDomAttribute("role"));
        assertEquals("suggestions", box.getDomAttribute("aria-controls"));
        Object unlabelled = browser.script("""
                return Array.from(document.querySelectorAll('input, button, select, textarea'))
                  .filter((c) => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')
                                 && !c.textContent.trim())
                  .map((c) => c.outerHTML);""");
        assertEquals(List.of(), unlabelled);
        assertEquals(7, browser.findAll(By.cssSelector(".chip[aria-pressed='false']")).size());
        assertTrue(browser.find(By.className("disclaimer")).getText().startsWith("Medical disclaimer:"));
    }

    @Test
    void phoneWidthNeedsNoSidewaysScrolling() throws Exception {
        browser.resize(Browser.PHONE);
        assertEquals(390L, browser.script("return window.innerWidth;"));
        browser.open(server.url("/?q=cramps"));
        browser.waitForText(STATUS, "13 results for “cramps” · showing 10");
        assertEquals(Boolean.TRUE, browser.script(PageChecks.NO_SIDEWAYS_SCROLL));
        browser.screenshot("search-phone");

        browser.open(server.url("/?article=" + MINERALS + "&q=cramps#" + MINERALS + "%23table-1-row-2"));
        WebElement row = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id(MINERALS + "#table-1-row-2")));
        browser.waitFor(d -> row.getDomAttribute("class").contains("is-target"));
        assertEquals(Boolean.TRUE, browser.script(PageChecks.NO_SIDEWAYS_SCROLL));
        assertEquals(Boolean.TRUE, browser.script(PageChecks.STARTS_IN_VIEW, row));
        browser.screenshot("article-phone");

        browser.open(server.url("/"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("intro")));
        assertEquals(Boolean.TRUE, browser.script(PageChecks.NO_SIDEWAYS_SCROLL));
        browser.screenshot("home-phone");
    }
}
