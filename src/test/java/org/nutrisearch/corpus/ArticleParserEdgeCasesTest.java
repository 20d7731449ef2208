package org.nutrisearch.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input that is not a well-formed page still gives a sensible article, never an exception. */
class ArticleParserEdgeCasesTest {

    private final ArticleParser parser = new ArticleParser();

    @Test
    void emptyTextGivesAnArticleTitledByItsIdWithNoUnits() {
        Article a = parser.parse("empty", "corpus/empty.txt", "");
        assertEquals("empty", a.title());
        assertEquals(List.of(), a.units());
    }

    @Test
    void navigationOnlyGivesNoUnits() {
        Article a = parser.parse("nav", "nav.txt", "Skip to content\n\n3 min read\n\nIn This Article\n\nReferences\n\n  1. 1\n");
        assertEquals("nav", a.title());
        assertEquals(List.of(), a.units());
    }

    @Test
    void textWithoutHeadingsIsOneLeadSectionTitledByItsShortenedFirstLine() {
        String first = "Magnesium helps muscles relax after they contract, and a shortage of it is a frequent reason "
                + "for cramps at night.";
        String text = first + "\n\nPotassium and calcium matter as well.\n";
        Article a = parser.parse("plain", "plain.txt", text);
        assertEquals("Magnesium helps muscles relax after they contract, and a shortage of it is a…", a.title());
        assertEquals(1, a.sections().size());
        assertNull(a.sections().get(0).heading());
        assertEquals(first + "\n\nPotassium and calcium matter as well.", a.sections().get(0).text());
    }

    @Test
    void shortFirstLineIsTheTitleAsItIs() {
        Article a = parser.parse("short", "short.txt", "cramps at night, mostly.\n");
        assertEquals("cramps at night, mostly.", a.title());
        assertEquals(1, a.units().size());
    }

    @Test
    void windowsLineEndsAndByteOrderMarkParseLikeUnixOnes() throws IOException {
        String unix = SeedArticles.text(SeedArticles.CRAMPS);
        Article expected = parser.parse("x", "x.txt", unix);
        Article windows = parser.parse("x", "x.txt", "\uFEFF" + unix.replace("\n", "\r\n"));
        assertEquals(expected, windows);
    }

    @Test
    void markdownArticleUsesItsFirstLevelHeadingAsTitle() {
        String md = """
                # Magnesium and Cramps

                Magnesium relaxes muscles.

                ## Food Sources
                - Spinach
                - Almonds

                | Food | Magnesium (mg) |
                |---|---|
                | Spinach | 157 |
                """;
        Article a = parser.parse("md", "md.md", md);
        assertEquals("Magnesium and Cramps", a.title());
        assertEquals(2, a.sections().size());
        assertEquals("Food Sources", a.sections().get(1).heading());
        assertEquals("- Spinach\n- Almonds", a.sections().get(1).text());
        Table t = a.tables().get(0);
        assertEquals("Food Sources", t.heading());
        assertEquals(List.of("Spinach", "157"), t.rows().get(0).cells());
        assertEquals("Food: Spinach — Magnesium (mg): 157.", t.rows().get(0).text());
    }

    @Test
    void aTableRowOfPunctuationOnlyIsNotAUnit() {
        String md = """
                # Magnesium

                | Food | Magnesium (mg) |
                |---|---|
                | . | |
                | Spinach | 157 |
                """;
        Article a = parser.parse("md", "md.md", md);
        assertEquals(List.of("Food: Spinach — Magnesium (mg): 157."),
                a.tables().get(0).rows().stream().map(TableRow::text).toList());
    }

    @Test
    void aHeadingWithNothingUnderItStaysText() {
        Article a = parser.parse("h", "h.txt", "Some text here.\n\nA Lonely Heading\n\nReferences\n\n  1. 1\n");
        assertEquals(1, a.sections().size());
        assertEquals("Some text here.\n\nA Lonely Heading", a.sections().get(0).text());
    }

    @Test
    void flattenedTableWhoseCellsCannotBeToldApartKeepsItsRowsAsLines() {
        String text = """
                Comparison

                Nutrient Where Found
                Magnesium nuts and seeds and Greens
                Potassium bananas and Beans and more Potatoes
                """;
        Article a = parser.parse("t", "t.txt", text);
        Table t = a.tables().get(0);
        assertEquals("Comparison", t.heading());
        assertEquals(List.of(), t.columns());
        assertEquals(List.of(), t.rows().get(0).cells());
        assertEquals("Magnesium nuts and seeds and Greens", t.rows().get(0).text());
    }

    @Test
    void aBareNumberIsContentNotAReferenceStub() {
        Article a = parser.parse("n", "n.txt", "Daily Magnesium for Adults (mg)\n\n350\n\n  1. 1\n");
        assertEquals(List.of(new Section("Daily Magnesium for Adults (mg)", null, "350")), a.sections());
    }

    @Test
    void realReferencesStayAsTheirOwnSection() {
        Article a = parser.parse("r", "r.txt",
                "Body text.\n\nReferences\n\n  1. 1\n  2. Smith J. Magnesium and cramps. 2020.\n");
        assertEquals("References", a.sections().get(1).heading());
        assertEquals("2. Smith J. Magnesium and cramps. 2020.", a.sections().get(1).text());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twentyMegabyteSingleLineIsOneSection() {
        String unit = "magnesium deficiency can cause cramps ";
        StringBuilder sb = new StringBuilder(20 * 1024 * 1024 + unit.length());
        while (sb.length() < 20 * 1024 * 1024) {
            sb.append(unit);
        }
        Article a = parser.parse("huge", "huge.txt", sb.toString());
        assertEquals(1, a.sections().size());
        assertEquals(sb.toString().strip(), a.sections().get(0).text());
        assertTrue(a.title().length() <= ArticleParser.DERIVED_TITLE_CHARS + 1, a.title());
        assertTrue(a.title().startsWith("magnesium deficiency can cause cramps magnesium"), a.title());
        assertTrue(a.title().endsWith("…"));
    }

    @Test
    void derivedTitleCutsAWordlessLineHard() {
        assertEquals("x".repeat(80) + "…", ArticleParser.shorten("x".repeat(500)));
    }
}
