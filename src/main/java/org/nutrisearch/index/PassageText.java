package org.nutrisearch.index;

import org.nutrisearch.corpus.Unit;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a unit is embedded from: its article's title, heading and question give a short paragraph
 * the context a reader sees around it ("Magnesium and leg cramps › Dosage: 300 mg a day …"), so the
 * vector says what the unit is about, not only what its sentences say.
 */
public final class PassageText {

    private PassageText() {
    }

    /** Title, heading, question and text, each once, one per line. */
    public static String of(Unit unit) {
        return of(unit.articleTitle(), unit.heading(), unit.question(), unit.text());
    }

    /** The passage of a unit from its parts as stored (heading and question may be null). */
    public static String of(String articleTitle, String heading, String question, String text) {
        List<String> parts = new ArrayList<>(4);
        for (String part : new String[] {articleTitle, heading, question, text}) {
            if (part != null && !part.isBlank() && !parts.contains(part.strip())) {
                parts.add(part.strip());
            }
        }
        return String.join("\n", parts);
    }
}
