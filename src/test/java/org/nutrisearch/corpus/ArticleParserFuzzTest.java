package org.nutrisearch.corpus;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of {@link ArticleParser#parse}: any text parses, without an exception,
 * into units with unique ids and something to find: text, or at least a heading or question (the
 * parser keeps a heading with nothing under it, and a question without an answer; the inputs
 * {@code crash-heading-without-text} and {@code crash-question-without-answer} are the fuzzer's
 * findings that showed it). Seeds and the interesting inputs found so far are in
 * {@code ArticleParserFuzzTestInputs/anyTextParsesIntoWellFormedUnits} (plain article text); a plain
 * test run replays them, {@code JAZZER_FUZZ=1} fuzzes (see README, "Fuzz tests").
 */
class ArticleParserFuzzTest {

    private final ArticleParser parser = new ArticleParser();

    @FuzzTest(maxDuration = "15s")
    void anyTextParsesIntoWellFormedUnits(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Article article = parser.parse("fuzz", "fuzz.txt", text);
        assertEquals("fuzz", article.id());
        assertNotNull(article.title());
        Set<String> ids = new HashSet<>();
        for (Unit unit : article.units()) {
            assertTrue(ids.add(unit.id()), "unit ids are unique: " + unit.id());
            assertNotNull(unit.kind(), unit.id());
            assertEquals("fuzz", unit.articleId());
            assertNotNull(unit.text(), unit.id());
            assertFalse(unit.text().isBlank() && blank(unit.heading()) && blank(unit.question()),
                    unit.id() + " has text, a heading or a question");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
