package org.nutrisearch.search.query;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The planner's hand-written word splits cut typed text exactly where the regular expressions they replace did. */
class QueryPlannerWordsTest {

    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    /** Punctuation, digits of other scripts, letter numbers, emoji (surrogate pairs), line separators. */
    private static final List<String> TEXTS = List.of("what", "\"magnesium\"", "(b12)?", "...", "", "-iron", "d3,",
            "don't", "'tis'", "½cup", "Ⅻ.", "٣٤", "😀cramps😀", "legs\u2028", "\u2028", "x\u0085", "İstanbul",
            "vitamin-d", "¿qué?", "\uD800", "a\uDC00", "leg cramps, at night: why?", "o'clock; 9am—10pm", "†‡§");

    @Test
    void edgePunctuationIsRemovedAsTheRegularExpressionDid() {
        for (String word : TEXTS) {
            assertEquals(EDGE_PUNCTUATION.matcher(word).replaceAll(""), QueryPlanner.withoutEdgePunctuation(word), word);
        }
    }

    @Test
    void typedWordsAreTheNonEmptyPiecesOfTheRegularExpressionsSplit() {
        for (String text : TEXTS) {
            List<String> pieces = new ArrayList<>();
            for (String piece : NOT_WORD.split(text)) {
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                }
            }
            assertEquals(pieces, QueryPlanner.typedWords(text), text);
        }
    }
}
