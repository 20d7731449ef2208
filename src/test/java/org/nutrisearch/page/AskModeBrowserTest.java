package org.nutrisearch.page;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ask mode and autocomplete over the five real articles of corpus/: the page must show what
 * /api/answer and /api/suggest answered, and say plainly when there is no confident answer.
 */
@Tag("integration")
@ExtendWith(RequiresChromium.class)
class AskModeBrowserTest {

    private static final By STATUS = By.id("status");
    private static final By INPUT = By.id("q");
    private static final By ANSWER_CARD = By.cssSelector("#answer .answer-card");

    @TempDir
    static Path dir;
    static PageServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(dir.resolve("profile"));
        CorpusLoad load = new CorpusLoader().load(Path.of("corpus"));
        assertEquals(List.of(), load.problems());
        assertEquals(5, load.articles().size());
        server = PageServer.start(dir.resolve("index"), load.articles(), backend -> backend);
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

    /** Opens the start page, switches to Ask mode with the radio button and asks {@code question} with Enter. */
    private static void ask(String question) {
        browser.open(server.url("/"));
        browser.find(By.cssSelector("label[for='mode-ask']")).click();
        browser.waitForText(By.id("submit"), "Ask");
        WebElement input = browser.find(INPUT);
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
    }

    @Test
    void anAnsweredQuestionShowsTheAnswerItsSourceAndItsConfidence() throws Exception {
        String question = "can low iron cause restless legs";
        JsonNode answer = api("/api/answer?q=" + encode(question)).get("answer");
        assertFalse(answer.isNull(), "the articles answer this question");
        double confidence = answer.get("confidence").asDouble();
        long percent = Math.round(confidence * 100);
        String word = confidence >= 0.75 ? "high" : confidence >= 0.5 ? "medium" : "low";
        JsonNode citation = answer.get("citation");

        for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.resize(size);
            ask(question);
            browser.waitForText(STATUS, "Answer found, confidence " + percent + "%.");
            assertEquals(Boolean.TRUE, browser.find(By.id("mode-ask")).isSelected());
            WebElement card = browser.find(ANSWER_CARD);
            assertTrue(card.getDomAttribute("class").contains("answered"), card.getDomAttribute("class"));
            // the page shows the snippet's text (with nutrient marks), not its markup
            Object snippetText = browser.script("const d = document.createElement('div'); d.innerHTML = arguments[0];"
                    + " return d.textContent;", answer.get("snippet").asText());
            assertEquals(snippetText, card.findElement(By.className("answer-text")).getDomProperty("textContent"));
            assertEquals(percent + "% (" + word + ")", card.findElement(By.className("confidence-value")).getText());
            assertEquals(String.valueOf(confidence), card.findElement(By.tagName("meter")).getDomProperty("value"));
            WebElement source = card.findElement(By.className("citation-link"));
            assertEquals(citation.get("articleTitle").asText(), source.getText());
            String heading = citation.get("heading").isNull() ? "" : " — " + citation.get("heading").asText();
            assertEquals("Source: " + citation.get("articleTitle").asText() + heading,
                    card.findElement(By.className("citation")).getText());
            if (size == Browser.PHONE) {
                assertEquals(Boolean.TRUE, browser.script(PageChecks.NO_SIDEWAYS_SCROLL));
            }
            browser.screenshot(size == Browser.PHONE ? "ask-answered-phone" : "ask-answered-desktop");
        }
        browser.resize(Browser.DESKTOP);
    }

    @Test
    void anUnansweredQuestionSaysPlainlyThereIsNoConfidentAnswer() throws Exception {
        String question = "how do I recover from knee surgery";
        JsonNode body = api("/api/answer?q=" + encode(question));
        assertTrue(body.get("answer").isNull(), "the articles are not about knee surgery: " + body);

        browser.resize(Browser.DESKTOP);
        ask(question);
        browser.waitForText(STATUS, "No confident answer for “" + question + "”.");
        WebElement card = browser.find(ANSWER_CARD);
        assertTrue(card.getDomAttribute("class").contains("declined"), card.getDomAttribute("class"));
        assertEquals("No confident answer", card.findElement(By.className("answer-none")).getText());
        assertFalse(card.findElement(By.className("answer-reason")).getText().isBlank());
        assertTrue(card.findElements(By.className("answer-text")).isEmpty(), "no answer text is shown");
        assertTrue(card.findElements(By.className("confidence")).isEmpty(), "no confidence is shown");
        assertEquals("Search the articles for “" + question + "” instead", browser.find(By.id("ask-search-instead")).getText());
        browser.screenshot("ask-declined-desktop");
    }

    @Test
    void aSuggestionPickedWithTheKeyboardBecomesTheQueryAndIsSearched() throws Exception {
        JsonNode suggestions = api("/api/suggest?q=cram&limit=8").get("suggestions");
        assertTrue(suggestions.size() > 0, "the articles are about cramps");

        browser.resize(Browser.DESKTOP);
        browser.open(server.url("/"));
        WebElement input = browser.find(INPUT);
        input.sendKeys("cram");
        WebElement listbox = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("suggestions")));
        assertEquals("listbox", listbox.getDomAttribute("role"));
        assertEquals("true", input.getDomAttribute("aria-expanded"));
        List<String> shown = browser.findAll(By.cssSelector("#suggestions [role='option']")).stream()
                .map(o -> o.getDomAttribute("data-text")).toList();
        assertTrue(shown.stream().anyMatch(s -> s.toLowerCase().contains("cramp")), shown.toString());

        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("suggestion-0", input.getDomAttribute("aria-activedescendant"));
        assertEquals("true", browser.find(By.id("suggestion-0")).getDomAttribute("aria-selected"));
        String picked = shown.get(0);
        input.sendKeys(Keys.ENTER);

        browser.waitFor(d -> picked.equals(d.findElement(INPUT).getDomProperty("value")));
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
        assertEquals("false", input.getDomAttribute("aria-expanded"));
        long total = api("/api/search?limit=10&q=" + encode(picked)).get("total").asLong();
        assertTrue(total > 0, picked);
        browser.waitFor(d -> d.findElement(STATUS).getText().endsWith("for “" + picked + "”" + (total > 10 ? " · showing 10" : "")));
        assertFalse(browser.findAll(By.cssSelector("#results a.result-link")).isEmpty());
        browser.screenshot("autocomplete-picked-desktop");
    }
}
