package org.nutrisearch.corpus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser loses nothing and invents nothing: every non-blank line of a seed article that is not page
 * debris lands in exactly one place of the parsed article, and page debris lands nowhere.
 * The debris list here is written out independently of the parser's own.
 */
class ArticleLinesAccountedTest {

    private static final Pattern DEBRIS = Pattern.compile(
            "Skip to content|\\d+ min read|In This Article|References|\\d+\\. \\d+|Medical Disclaimer"
                    + "|Quick Summary|Key Points|Frequently Asked Questions|\\|[-| :]+\\|");

    static List<String> seeds() {
        return SeedArticles.ALL;
    }

    /** A line as compared: no surrounding space, no bullet, single spaces. */
    private static String norm(String line) {
        String s = line.strip().replaceAll("\\s+", " ");
        if (s.matches("^[•\\-*] .*")) {
            s = s.substring(2).strip();
        }
        return s;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static boolean wordsInOrder(String line, String text) {
        List<String> have = words(text);
        int at = 0;
        for (String w : words(line)) {
            while (at < have.size() && !have.get(at).equals(w)) {
                at++;
            }
            if (at == have.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** Every place a line of text can land in, except table rows (matched by their words). */
    private static List<String> places(Article a) {
        List<String> places = new ArrayList<>();
        if (a.summary() != null) {
            a.summary().lines().map(ArticleLinesAccountedTest::norm).filter(s -> !s.isEmpty()).forEach(places::add);
        }
        a.keyPoints().forEach(k -> places.add(norm(k)));
        for (Section s : a.sections()) {
            if (s.heading() != null) {
                places.add(norm(s.heading()));
            }
            if (s.parentHeading() != null) {
                places.add(norm(s.parentHeading()));
            }
            s.text().lines().map(ArticleLinesAccountedTest::norm).filter(l -> !l.isEmpty()).forEach(places::add);
        }
        for (FaqEntry f : a.faqs()) {
            if (f.question() != null) {
                places.add(norm(f.question()));
            }
            f.answer().lines().map(ArticleLinesAccountedTest::norm).filter(l -> !l.isEmpty()).forEach(places::add);
        }
        return places;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyContentLineLandsInExactlyOnePlace(String id) throws IOException {
        Article a = SeedArticles.parse(id);
        List<String> places = places(a);
        List<TableRow> rows = a.tables().stream().flatMap(t -> t.rows().stream()).toList();
        int[] rowHits = new int[rows.size()];
        boolean inDisclaimer = false;
        List<String> disclaimerLines = new ArrayList<>();
        List<String> sourceLines = new ArrayList<>();
        for (String raw : SeedArticles.text(id).lines().toList()) {
            String line = norm(raw);
            if (line.isEmpty() || DEBRIS.matcher(line).matches()) {
                inDisclaimer |= line.equals("Medical Disclaimer");
                continue;
            }
            if (inDisclaimer) {
                disclaimerLines.add(line);
                continue;
            }
            sourceLines.add(line);
            long exact = places.stream().filter(line::equals).count();
            if (line.equals(a.title())) {
                assertTrue(exact <= 1, id + ": the title line is also in " + exact + " places");
                continue;
            }
            if (exact == 1) {
                continue;
            }
            assertEquals(0, exact, id + ": line in " + exact + " places: " + line);
            boolean isTableHeading = a.tables().stream().anyMatch(t -> line.equals(t.heading()));
            boolean isTableHeader = a.tables().stream().anyMatch(t -> line.equals(t.header())
                    || line.replaceAll("^\\||\\|$", "").replaceAll(" *\\| *", " | ").strip().equals(t.header()));
            if (isTableHeading || isTableHeader) {
                continue;
            }
            int matches = 0;
            for (int r = 0; r < rows.size(); r++) {
                if (wordsInOrder(line, rows.get(r).text())) {
                    matches++;
                    rowHits[r]++;
                }
            }
            assertEquals(1, matches, id + ": line not found in exactly one table row: " + line);
        }
        for (int r = 0; r < rows.size(); r++) {
            assertEquals(1, rowHits[r], id + ": table row made from " + rowHits[r] + " lines: " + rows.get(r).text());
        }
        // Nothing invented or duplicated: every place line comes from the file.
        for (String place : places) {
            assertTrue(sourceLines.contains(place), id + ": not a line of the file: " + place);
        }
        assertEquals(places.size(), places.stream().distinct().count(), id + ": a line landed twice");
        assertEquals(disclaimerLines.isEmpty() ? null : String.join("\n\n", disclaimerLines), a.disclaimer(), id);
        assertFalse(a.title().isBlank(), id);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void pageDebrisIsInNoUnit(String id) throws IOException {
        for (Unit u : SeedArticles.parse(id).units()) {
            String all = String.join("\n", Objects.toString(u.heading(), ""), Objects.toString(u.question(), ""),
                    u.text());
            for (String debris : List.of("Skip to content", "min read", "In This Article", "Medical Disclaimer",
                    "References")) {
                assertFalse(all.contains(debris), u.id() + " contains '" + debris + "'");
            }
            // Marker lines may name a unit's heading (the summary unit is headed "Quick Summary") but are no text.
            for (String marker : List.of("Quick Summary", "Key Points", "Frequently Asked Questions")) {
                assertFalse(u.text().lines().anyMatch(marker::equals), u.id() + ": marker line " + marker);
            }
            assertFalse(Pattern.compile("(?m)^\\s*\\d+\\. \\d+\\s*$").matcher(all).find(), u.id() + ": reference stub");
            assertFalse(u.text().contains("informational purposes only"), u.id() + ": disclaimer text in a unit");
        }
    }
}
