package org.nutrisearch.page;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nutrisearch.page.PageFixtures.HOSTILE;
import static org.nutrisearch.page.PageFixtures.HOSTILE_HEADING;
import static org.nutrisearch.page.PageFixtures.HOSTILE_TEXT;
import static org.nutrisearch.page.PageFixtures.HOSTILE_TITLE;
import static org.nutrisearch.page.PageFixtures.IMG;
import static org.nutrisearch.page.PageFixtures.SCRIPT;

/** An article full of markup: the page shows it as text and never runs it, in results or the article. */
@Tag("integration")
@ExtendWith(RequiresChromium.class)
class HostileArticleBrowserTest {

    @TempDir
    static Path dir;
    static PageServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(dir.resolve("profile"));
        server = PageServer.start(dir.resolve("index"), PageFixtures.all(), backend -> backend);
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

    /** Nothing injected ran, and no element came from the article's markup. */
    private static void assertNothingRan() {
        assertEquals("undefined", browser.script(PageChecks.XSS_MARKER));
        assertEquals(0L, browser.script("return document.querySelectorAll('img, iframe, object, embed').length;"));
        assertEquals(List.of("/app.js"), browser.script(
                "return Array.from(document.scripts).map((s) => new URL(s.src).pathname);"));
    }

    @Test
    void markupInResultsIsShownAsText() throws Exception {
        browser.open(server.url("/?q=quokka"));
        browser.waitForText(By.id("status"), "3 results for “quokka”");
        assertEquals(Set.of(HOSTILE_HEADING, "Is the quokka " + SCRIPT + " safe?", "Quokka table " + IMG),
                Set.copyOf(browser.findAll(By.cssSelector("#results a.result-link")).stream().map(WebElement::getText).toList()));
        for (WebElement title : browser.findAll(By.cssSelector("#results .result-article"))) {
            assertEquals(HOSTILE_TITLE, title.getText());
        }
        WebElement section = browser.find(By.cssSelector("a.result-link[data-unit='" + HOSTILE + "#section-1']"))
                .findElement(By.xpath("ancestor::li[1]"));
        assertEquals(HOSTILE_TEXT, section.findElement(By.className("snippet")).getText());
        assertEquals("quokka", section.findElement(By.cssSelector(".snippet mark.term")).getText().toLowerCase(java.util.Locale.ROOT));
        assertNothingRan();
        browser.screenshot("hostile-results-desktop");
    }

    @Test
    void markupInTheArticleIsShownAsText() throws Exception {
        browser.open(server.url("/?q=quokka"));
        browser.waitForText(By.id("status"), "3 results for “quokka”");
        browser.find(By.cssSelector("a.result-link[data-unit='" + HOSTILE + "#section-1']")).click();
        WebElement section = browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id(HOSTILE + "#section-1")));
        browser.waitFor(d -> section.getDomAttribute("class").contains("is-target"));

        assertEquals(HOSTILE_TITLE, browser.find(By.cssSelector("#article-view h1")).getText());
        assertEquals(HOSTILE_TITLE + " – NutriSearch", browser.driver().getTitle());
        assertEquals(HOSTILE_HEADING, section.findElement(By.tagName("h2")).getText());
        assertEquals(HOSTILE_TEXT, section.findElement(By.className("para")).getText());
        assertEquals("Is the quokka " + SCRIPT + " safe?\nQuokka answer " + IMG,
                browser.find(By.id(HOSTILE + "#faq-1")).getText());
        assertEquals(List.of("Name", "Note " + SCRIPT), browser.findAll(By.cssSelector("#article-view thead th"))
                .stream().map(WebElement::getText).toList());
        assertEquals("Quokka " + IMG + " " + SCRIPT, browser.find(By.id(HOSTILE + "#table-1-row-1")).getText());
        assertEquals("Disclaimer " + SCRIPT, browser.find(By.className("article-disclaimer")).getText());
        assertNothingRan();
    }
}
