package org.nutrisearch.corpus;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the lines a scraped page carries besides its article: navigation ("Skip to content",
 * "3 min read", "In This Article"), reference stubs ("1. 1"), and the marker lines that open the
 * page's fixed blocks (Quick Summary, Key Points, FAQ, References, Medical Disclaimer).
 */
final class PageChrome {

    /** The fixed blocks of a page, each opened by a marker line that is itself not content. */
    enum Marker { SUMMARY, KEY_POINTS, FAQ, REFERENCES, DISCLAIMER }

    /** No marker or navigation line is longer; longer lines are never tested against the patterns. */
    private static final int MAX_CHROME_CHARS = 60;

    private static final Set<String> NAVIGATION = Set.of(
            "skip to content", "skip to main content", "in this article", "table of contents");

    private static final Map<String, Marker> MARKERS = Map.ofEntries(
            Map.entry("quick summary", Marker.SUMMARY),
            Map.entry("key points", Marker.KEY_POINTS),
            Map.entry("key takeaways", Marker.KEY_POINTS),
            Map.entry("frequently asked questions", Marker.FAQ),
            Map.entry("faq", Marker.FAQ),
            Map.entry("faqs", Marker.FAQ),
            Map.entry("references", Marker.REFERENCES),
            Map.entry("medical disclaimer", Marker.DISCLAIMER),
            Map.entry("disclaimer", Marker.DISCLAIMER));

    private static final Pattern READING_TIME =
            Pattern.compile("\\d{1,3}(?:\\s*-\\s*\\d{1,3})?\\s*(?:min|mins|minute|minutes)\\.?\\s+read");

    // "1. 1": a numbered reference whose text the scrape lost. Only numbers, so nothing is lost by dropping it.
    // A bare number ("350") is not a stub: it may be content, so the period is required.
    private static final Pattern REFERENCE_STUB = Pattern.compile("\\d{1,4}\\.(?:\\s+\\d{1,4}\\.?)?");

    private PageChrome() {
    }

    /** True for a navigation line: "Skip to content", "N min read", "In This Article". */
    static boolean isNavigation(String line) {
        String key = key(line);
        return key != null && (NAVIGATION.contains(key) || READING_TIME.matcher(key).matches());
    }

    /** True for "Skip to content": the first line of a scraped page, right above its title. */
    static boolean isSkipLink(String line) {
        String key = key(line);
        return key != null && key.startsWith("skip to ") && NAVIGATION.contains(key);
    }

    /** True for a reading-time line ("4 min read"), which a page prints right under its title. */
    static boolean isReadingTime(String line) {
        String key = key(line);
        return key != null && READING_TIME.matcher(key).matches();
    }

    /** True for a reference stub such as "  1. 1" or "12.". */
    static boolean isReferenceStub(String line) {
        String s = line.strip();
        return s.length() <= 12 && !s.isEmpty() && REFERENCE_STUB.matcher(s).matches();
    }

    /** The marker this line is, or null. */
    static Marker marker(String line) {
        String key = key(line);
        return key == null ? null : MARKERS.get(key);
    }

    /** The line lower-cased without surrounding space or a trailing colon; null when too long to be chrome. */
    private static String key(String line) {
        if (line.length() > MAX_CHROME_CHARS * 2) {
            return null;
        }
        String s = line.strip();
        if (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.length() > MAX_CHROME_CHARS ? null : s.toLowerCase(Locale.ROOT);
    }
}
