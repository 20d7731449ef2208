package org.nutrisearch.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.search.Highlight;
import org.nutrisearch.search.MatchKind;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.Snippet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kept JSON of result pages is bounded by what it weighs, not only by how many pages there are. */
class RenderedHitsTest {

    private static List<SearchHit> page(int textChars) {
        Unit unit = new Unit("a#section-1", UnitKind.SECTION, "a", "A", "corpus/a.txt", "Heading", null,
                "m".repeat(textChars));
        return List.of(new SearchHit(unit, new Snippet("m", List.of()), List.of(), 1f));
    }

    @Test
    void pagesOfLongUnitsAreEvictedByWeight() {
        // Room for 256 pages by count, but only about four pages of 100 000 characters by weight.
        RenderedHits rendered = new RenderedHits(new ObjectMapper(), 256, 1_000_000);
        List<List<SearchHit>> pages = List.of(page(100_000), page(100_000), page(100_000), page(100_000),
                page(100_000), page(100_000));
        for (List<SearchHit> p : pages) {
            rendered.of(p);
        }
        assertEquals(4, rendered.size(), "six pages of 200 000 characters' weight, a budget of a million");
        assertTrue(rendered.chars() <= 1_000_000, "weight kept: " + rendered.chars());
        // The last page is kept (the same JSON object comes back), the first was evicted (rendered anew).
        assertSame(rendered.of(pages.get(5)), rendered.of(pages.get(5)));
        int before = rendered.size();
        rendered.of(pages.get(0));
        assertEquals(before, rendered.size());
    }

    @Test
    void aPageHeavierThanTheWholeBudgetIsRenderedButNotKept() {
        RenderedHits rendered = new RenderedHits(new ObjectMapper(), 256, 100_000);
        List<SearchHit> huge = page(4_000_000);
        String json = rendered.of(huge).rawValue().toString();
        assertTrue(json.contains("\"text\":\"mmm"), json.substring(0, 200));
        assertEquals(0, rendered.size());
        assertEquals(0, rendered.chars());
    }

    @Test
    void theResponseHoldsTheHitsJsonAsJacksonWritesItInUtf8AndInCharacters() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Unit unit = new Unit("a#faq-1", UnitKind.FAQ, "a", "Vitamin D – “sunshine”", "corpus/a.txt", "Über <b>&",
                "Why \"D\"?", "25 µg\ta day \uD83D\uDE00 \u2028 \\ end");
        List<SearchHit> hits = List.of(new SearchHit(unit, new Snippet("25 <mark class=\"term\">µg</mark>",
                List.of(new Highlight(0, 2, Highlight.Type.TERM, null, MatchKind.EXACT))), List.of("vitamin-d"), 0.123456f, 0.5f));
        String expected = "{\"results\":" + json.writeValueAsString(hits.stream().map(ResultJson::of).toList()) + "}";
        RenderedHits rendered = new RenderedHits(json, 4, 1_000_000);

        Map<String, Object> body = Map.of("results", rendered.of(hits));
        assertEquals(expected, new String(json.writeValueAsBytes(body), StandardCharsets.UTF_8));
        // Kept and written again, and written by a generator of characters.
        assertEquals(expected, new String(json.writeValueAsBytes(Map.of("results", rendered.of(hits))), StandardCharsets.UTF_8));
        assertEquals(expected, json.writeValueAsString(body));
    }

    /** Pages that share units (their fields' JSON kept) are written as Jackson writes the whole list. */
    @Test
    void pagesSharingUnitsAreWrittenAsJacksonWritesTheirResults() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Unit faq = new Unit("a#faq-1", UnitKind.FAQ, "a", "Vitamin D – “sunshine”", "corpus/a.txt", null,
                "Why \"D\"?", "25 µg a day \uD83D\uDE00 end");
        Unit section = new Unit("b#section-2", UnitKind.SECTION, "b", "B", "corpus/b.txt", "Cramps", null, "Magnesium & <you>");
        Snippet plain = new Snippet("25 µg", List.of());
        Snippet marked = new Snippet("<mark class=\"term\">Magnesium</mark> &amp;",
                List.of(new Highlight(0, 9, Highlight.Type.TERM, null, MatchKind.STEM)));
        List<List<SearchHit>> pages = List.of(
                List.of(new SearchHit(faq, plain, List.of("vitamin-d"), 0.5f, 0.25f), new SearchHit(section, marked, List.of(), 2f)),
                List.of(new SearchHit(section, plain, List.of("magnesium"), 1.123456f), new SearchHit(faq, marked, List.of(), 0f, null)),
                List.of());
        RenderedHits rendered = new RenderedHits(json, 4, 1_000_000);
        for (List<SearchHit> page : pages) {
            String expected = json.writeValueAsString(page.stream().map(ResultJson::of).toList());
            assertEquals(expected, rendered.of(page).rawValue().toString());
        }
    }

    @Test
    void smallPagesAreStillBoundedByCount() {
        RenderedHits rendered = new RenderedHits(new ObjectMapper(), 3, 1_000_000);
        for (int i = 0; i < 10; i++) {
            rendered.of(page(10));
        }
        assertEquals(3, rendered.size());
    }
}
