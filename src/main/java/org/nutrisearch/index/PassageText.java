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

    /** Title, heading, question and text, each once, joined as sentences. */
    public static String of(Unit unit) {
        List<String> parts = new ArrayList<>(4);
        for (String part : new String[] {unit.articleTitle(), unit.heading(), unit.question(), unit.text()}) {
            if (part != null && !part.isBlank() && !parts.contains(part.strip())) {
                parts.add(part.strip());
            }
        }
        return String.join("\n", parts);
    }
}
