package org.nutrisearch.corpus;

/**
 * One FAQ entry.
 *
 * @param question the question as the page printed it, or null where scraping lost it
 * @param answer   the answer text
 */
public record FaqEntry(String question, String answer) {

    /** The heading FAQ units are shown under. */
    public String heading() {
        return "Frequently Asked Questions";
    }
}
