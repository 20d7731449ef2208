package org.nutrisearch.search.snippet;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every snippet must be, whatever the text and query: safe HTML showing a passage of the text (test support). */
public final class SnippetAssertions {

    static final Pattern OUR_TAGS =
            Pattern.compile("<mark class=\"term\">|<mark class=\"nutrient\" data-nutrient=\"[a-z0-9_-]+\">|</mark>");

    private SnippetAssertions() {
    }

    /**
     * Only the service's own mark tags, properly nested; every other character escaped; and the text
     * shown (tags removed, entities decoded, ellipses dropped) is a passage of {@code text}.
     *
     * @return the plain text of the snippet, ellipses included (the text highlight offsets refer to)
     */
    public static String assertSafe(String html, String text, String context) {
        Matcher tags = OUR_TAGS.matcher(html);
        int depth = 0;
        while (tags.find()) {
            depth += tags.group().equals("</mark>") ? -1 : 1;
            assertTrue(depth >= 0 && depth <= 2, context + ": marks nest badly in " + html);
        }
        assertEquals(0, depth, context + ": unbalanced marks in " + html);
        String rest = OUR_TAGS.matcher(html).replaceAll("");
        for (String raw : List.of("<", ">", "\"", "'")) {
            assertFalse(rest.contains(raw), context + ": unescaped " + raw + " in " + html);
        }
        assertEquals(-1, rest.replaceAll("&(amp|lt|gt|quot|#39);", "").indexOf('&'), context + ": bare & in " + html);
        String plain = rest.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        assertTrue(isPassage(plain, text), context + ": snippet text is not a passage of the text: " + plain);
        return plain;
    }

    /** The snippet's own ellipses look like the text's, so try the snippet with and without them. */
    private static boolean isPassage(String plain, String text) {
        boolean lead = plain.startsWith("…");
        boolean trail = plain.endsWith("…") && plain.length() > (lead ? 1 : 0);
        for (int cutLead = 0; cutLead <= (lead ? 1 : 0); cutLead++) {
            for (int cutTrail = 0; cutTrail <= (trail ? 1 : 0); cutTrail++) {
                if (text.contains(plain.substring(cutLead, plain.length() - cutTrail))) {
                    return true;
                }
            }
        }
        return false;
    }
}
