package org.nutrisearch.corpus;

/**
 * What a line of plain text looks like: a bullet, a Markdown table row or heading, or a heading of
 * the page. Headings are told from prose by shape only, since the scrape kept no markup: short,
 * starting with a capital, and not ending like a sentence.
 */
final class LineShapes {

    /** Longest heading seen on real pages is ~70 characters; a line of more than this is prose. */
    static final int MAX_HEADING_CHARS = 120;
    static final int MAX_HEADING_WORDS = 16;

    private static final String BULLET_CHARS = "•·▪◦‣●*-–";

    private LineShapes() {
    }

    /** True for "  • text", "- text", "* text". */
    static boolean isBullet(String line) {
        int i = firstNonSpace(line);
        return i >= 0 && i + 1 < line.length() && BULLET_CHARS.indexOf(line.charAt(i)) >= 0
                && Character.isWhitespace(line.charAt(i + 1));
    }

    /** The line without surrounding space and without its bullet character. */
    static String stripBullet(String line) {
        String s = line.strip();
        if (isBullet(s)) {
            s = s.substring(1).strip();
        }
        return s;
    }

    /** True for a Markdown table row: "| a | b |". */
    static boolean isPipeRow(String line) {
        String s = line.strip();
        return s.length() >= 2 && s.charAt(0) == '|' && s.charAt(s.length() - 1) == '|';
    }

    /** The text of a Markdown ATX heading ("## Text"), or null when the line is not one. */
    static String markdownHeading(String line) {
        String s = line.strip();
        int hashes = 0;
        while (hashes < s.length() && hashes < 7 && s.charAt(hashes) == '#') {
            hashes++;
        }
        if (hashes == 0 || hashes > 6 || hashes >= s.length() || !Character.isWhitespace(s.charAt(hashes))) {
            return null;
        }
        String text = s.substring(hashes).strip();
        return text.isEmpty() ? null : text;
    }

    /** Level of a Markdown heading line ("# x" is 1), or 0. */
    static int markdownLevel(String line) {
        if (markdownHeading(line) == null) {
            return 0;
        }
        String s = line.strip();
        int hashes = 0;
        while (s.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes;
    }

    /**
     * True when the line has the shape of a heading: at most {@value #MAX_HEADING_CHARS} characters and
     * {@value #MAX_HEADING_WORDS} words, starting with a capital letter or digit, and not ending with
     * sentence punctuation ('.', ',', ';', ':', '!'). A question mark is allowed (FAQ questions).
     */
    static boolean isHeadingShaped(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_HEADING_CHARS || isBullet(s) || isPipeRow(s)) {
            return false;
        }
        if (!startsWithCapital(s)) {
            return false;
        }
        if (s.split("\\s+").length > MAX_HEADING_WORDS) {
            return false;
        }
        int end = s.length() - 1;
        while (end > 0 && "\"')]”’".indexOf(s.charAt(end)) >= 0) {
            end--;
        }
        return ".,;:!…".indexOf(s.charAt(end)) < 0;
    }

    /** True for a heading-shaped line that asks a question. */
    static boolean isQuestion(String line) {
        return isHeadingShaped(line) && line.strip().endsWith("?");
    }

    /** True when the text starts with an upper-case letter or a digit (after an opening quote). */
    static boolean startsWithCapital(String s) {
        int i = 0;
        while (i < s.length() && "\"'“‘(".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i >= s.length()) {
            return false;
        }
        int cp = s.codePointAt(i);
        return Character.isUpperCase(cp) || Character.isTitleCase(cp) || Character.isDigit(cp);
    }

    private static int firstNonSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
