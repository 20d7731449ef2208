package org.nutrisearch.page;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.FaqEntry;
import org.nutrisearch.corpus.Section;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;
import org.nutrisearch.search.SearchMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Results found by meaning alone say so; results that share a word with the query do not. */
@Tag("integration")
@ExtendWith(RequiresChromium.class)
class MeaningBrowserTest {

    @TempDir
    static Path dir;
    static PageServer server;
    static Browser browser;
    static ModeRecordingBackend searches;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(dir.resolve("profile"));
        Article cramps = new Article("cramps", "Cramps", "corpus/cramps.txt", null, List.of(),
                List.of(new Section("Magnesium", null, "Low magnesium is common.")),
                List.of(new FaqEntry(null, "Bananas are rich in potassium.")), List.of(), null);
        server = PageServer.startWithVectors(dir.resolve("index"), List.of(cramps), new ConceptEmbedder("concept-test"),
                backend -> searches = new ModeRecordingBackend(backend));
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

    private static WebElement result(String unitId) {
        return browser.find(By.cssSelector("a.result-link[data-unit='" + unitId + "']")).findElement(By.xpath("ancestor::li[1]"));
    }

    @Test
    void aResultSharingNoWordWithTheQueryIsMarkedAsRelatedInMeaning() throws Exception {
        browser.open(server.url("/?q=electrolyte"));
        browser.waitForText(By.id("status"), "2 results for “electrolyte”");
        assertEquals("related in meaning", result("cramps#faq-1").findElement(By.className("by-meaning")).getText());
        browser.screenshot("meaning-results-desktop");
    }

    @Test
    void aResultMatchingTheQuerysWordsIsNotMarked() throws Exception {
        browser.open(server.url("/?q=potassium"));
        browser.waitForText(By.id("status"), "2 results for “potassium”");
        assertEquals(0, result("cramps#faq-1").findElements(By.className("by-meaning")).size());
        assertEquals(1, result("cramps#section-1").findElements(By.className("by-meaning")).size());
    }

    @Test
    void typingSearchesByTheWordsAndAPauseByMeaning() throws Exception {
        browser.open(server.url("/"));
        searches.searches.clear();
        browser.find(By.id("q")).sendKeys("electrolyte");
        // No unit says "electrolyte": the words alone find nothing, meaning finds the potassium answer.
        browser.waitForText(By.id("status"), "2 results for “electrolyte”");
        assertEquals("related in meaning", result("cramps#faq-1").findElement(By.className("by-meaning")).getText());
        List<ModeRecordingBackend.Asked> asked = List.copyOf(searches.searches);
        assertTrue(asked.contains(new ModeRecordingBackend.Asked("electrolyte", SearchMode.LEXICAL)),
                "the keystrokes were searched by the words: " + asked);
        assertEquals(new ModeRecordingBackend.Asked("electrolyte", null), asked.getLast(),
                "typing paused: the server's default mode: " + asked);
        assertTrue(asked.stream().filter(a -> a.mode() == null).count() == 1, "only the settled query by meaning: " + asked);
    }
}
