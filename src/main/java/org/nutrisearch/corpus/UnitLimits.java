package org.nutrisearch.corpus;

/**
 * How long what the service serves may be. Each search result and answer carries its unit's text, title,
 * heading and question whole, so a 4 MB single-line "article" (a scrape gone wrong) made one result weigh
 * 4 MB and a few searches fill the heap; an id past Lucene's 32 766-byte term limit failed the whole build.
 * An input over a limit is left out with {@link SkipReason#TOO_LARGE}, named, like any other bad input.
 *
 * <p>The limits sit far above real text: the longest MedQuAD answer has 27 000 characters, the longest
 * NFCorpus title 234, the longest MedQuAD question 191.
 */
public final class UnitLimits {

    /** Characters of a unit's text (a section, an FAQ answer, a table row). */
    public static final int MAX_TEXT = 32_768;
    /** Characters of a title, heading or question. */
    public static final int MAX_LABEL = 1_000;
    /** Characters of an article id (ids are index terms and appear in every result). */
    public static final int MAX_ID = 200;

    private UnitLimits() {
    }

    /** What of {@code article} is over its limit ("section-3: text of 4000000 characters (at most 32768)"), or null. */
    public static String overLimit(Article article) {
        if (article.id().length() > MAX_ID) {
            return "id of " + article.id().length() + " characters (at most " + MAX_ID + ")";
        }
        String title = over("title", article.title(), MAX_LABEL);
        if (title != null) {
            return title;
        }
        for (Unit unit : article.unitsWithoutTypes()) {
            String part = over("text", unit.text(), MAX_TEXT);
            if (part == null) {
                part = over("heading", unit.heading(), MAX_LABEL);
            }
            if (part == null) {
                part = over("question", unit.question(), MAX_LABEL);
            }
            if (part != null) {
                return unit.id().substring(unit.id().indexOf('#') + 1) + ": " + part;
            }
        }
        return null;
    }

    /** "text of N characters (at most M)" when {@code value} is longer than {@code max}, else null. */
    public static String over(String what, String value, int max) {
        if (value == null || value.length() <= max) {
            return null;
        }
        return what + " of " + value.length() + " characters (at most " + max + ")";
    }
}
