package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One parsed article: its identity, its structure as the page had it, and the disclaimer.
 *
 * @param id          the file name without extension (or the JSONL record's id)
 * @param title       never empty
 * @param source      where it came from, relative to the working directory (e.g. {@code corpus/x.txt})
 * @param summary     the "Quick Summary" text, or null
 * @param keyPoints   the "Key Points" bullets, in order
 * @param sections    sections in file order (the lead paragraph is a section with a null heading)
 * @param faqs        FAQ entries in file order
 * @param tables      tables in file order
 * @param disclaimer  the medical disclaimer text, or null when the page had none
 */
public record Article(String id, String title, String source, String summary, List<String> keyPoints,
                      List<Section> sections, List<FaqEntry> faqs, List<Table> tables, String disclaimer) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        keyPoints = List.copyOf(keyPoints);
        sections = List.copyOf(sections);
        faqs = List.copyOf(faqs);
        tables = List.copyOf(tables);
    }

    /** The searchable units of this article, with stable ids (see {@link Unit}). */
    public List<Unit> units() {
        return units(true);
    }

    /**
     * The units as {@link #units()} gives them but without the question types their headings ask (null):
     * for checks that read only ids and text. Reading a heading's type runs every rule of
     * {@link QuestionTypeClassifier}, most of the cost of building the units.
     */
    public List<Unit> unitsWithoutTypes() {
        return units(false);
    }

    /** How many units {@link #units()} gives, without building them. */
    public int unitCount() {
        int n = summary != null && !summary.isBlank() ? 1 : 0;
        n += keyPoints.size() + sections.size() + faqs.size();
        for (Table table : tables) {
            n += table.rows().size();
        }
        return n;
    }

    private List<Unit> units(boolean withTypes) {
        List<Unit> units = new ArrayList<>();
        if (summary != null && !summary.isBlank()) {
            units.add(unit(UnitKind.SUMMARY, "summary", "Quick Summary", null, summary));
        }
        for (int i = 0; i < keyPoints.size(); i++) {
            units.add(unit(UnitKind.KEYPOINT, "keypoint-" + (i + 1), "Key Points", null, keyPoints.get(i)));
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            units.add(unit(UnitKind.SECTION, "section-" + (i + 1), s.displayHeading(), null, s.text(), null,
                    withTypes ? QuestionTypeClassifier.classify(s.heading()) : null));
        }
        for (int i = 0; i < faqs.size(); i++) {
            FaqEntry f = faqs.get(i);
            units.add(unit(UnitKind.FAQ, "faq-" + (i + 1), f.heading(), f.question(), f.answer(), f.focus(), f.type()));
        }
        for (int t = 0; t < tables.size(); t++) {
            Table table = tables.get(t);
            QuestionType asks = withTypes ? QuestionTypeClassifier.classify(table.heading()) : null;
            for (int r = 0; r < table.rows().size(); r++) {
                units.add(unit(UnitKind.TABLE, "table-" + (t + 1) + "-row-" + (r + 1), table.heading(), null,
                        table.rows().get(r).text(), null, asks));
            }
        }
        return units;
    }

    private Unit unit(UnitKind kind, String localId, String heading, String question, String text) {
        return unit(kind, localId, heading, question, text, null, null);
    }

    private Unit unit(UnitKind kind, String localId, String heading, String question, String text, String focus,
                      QuestionType type) {
        return new Unit(id + "#" + localId, kind, id, title, source, heading, question, text, focus, type);
    }
}
