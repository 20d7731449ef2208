package org.nutrisearch.nutrients;

/**
 * The one definition of how a written name is compared with text, shared by the lexicon (to detect
 * two nutrients claiming the same name) and the tagger (to match names in text).
 *
 * <p>Letters and digits compare case-insensitively; a run of spaces or hyphens compares equal to any
 * other such run ("B-vitamins" = "B vitamins"); any other character must match literally ("vit. D").
 */
final class SurfaceForms {

    /** The key standing for a run of spaces or hyphens in a normalized form. */
    static final char GAP = ' ';

    /**
     * Longest run of spaces/hyphens accepted between two words of one name. Bounds the work of a match
     * and keeps a name from spanning a blank paragraph.
     */
    static final int MAX_GAP = 3;

    private SurfaceForms() {
    }

    /**
     * {@link #isWordChar} of the characters below 128, looked up: the tagger asks it of nearly every character
     * of every unit it indexes.
     */
    private static final boolean[] ASCII_WORD_CHARS = new boolean[128];
    /** {@link #isGapChar} of the characters below 128, looked up (asked at every word start). */
    private static final boolean[] ASCII_GAP_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD_CHARS[c] = Character.isLetterOrDigit(c);
            ASCII_GAP_CHARS[c] = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-';
        }
    }

    /** True for characters that make up words: a name must start and end at a word boundary. */
    static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD_CHARS[c] : Character.isLetterOrDigit(c);
    }

    /** True for characters that separate the words of a name: whitespace (incl. no-break space) and hyphens. */
    static boolean isGapChar(char c) {
        if (c < 128) {
            return ASCII_GAP_CHARS[c];
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '\u2010' || c == '\u2011';
    }

    /** The key a word character or literal character is compared by. */
    static char key(char c) {
        return isWordChar(c) ? Character.toLowerCase(c) : c;
    }

    /**
     * The normalized form of a name: keys of its characters, each gap run collapsed to {@link #GAP},
     * leading and trailing gaps removed. Two names with the same normalized form are the same name.
     */
    static String normalize(String surface) {
        StringBuilder out = new StringBuilder(surface.length());
        boolean pendingGap = false;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (isGapChar(c)) {
                pendingGap = !out.isEmpty();
                continue;
            }
            if (pendingGap) {
                out.append(GAP);
                pendingGap = false;
            }
            out.append(key(c));
        }
        return out.toString();
    }

    /** Why {@code surface} cannot be a name, or null when it can. */
    static String problem(String surface) {
        if (surface == null || surface.isBlank()) {
            return "is blank";
        }
        String trimmed = surface.strip();
        if (!isWordChar(trimmed.charAt(0)) || !isWordChar(trimmed.charAt(trimmed.length() - 1))) {
            return "must begin and end with a letter or digit";
        }
        return null;
    }
}
