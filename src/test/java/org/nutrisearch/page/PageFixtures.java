package org.nutrisearch.page;

import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.FaqEntry;
import org.nutrisearch.corpus.Section;
import org.nutrisearch.corpus.Table;
import org.nutrisearch.corpus.TableRow;

import java.util.List;

/**
 * Articles the browser tests search. Small enough that every expected count below can be checked by
 * reading them: "cramps" is in 13 units (10 shown, then 3 more), "magnesium" in 5, "potassium" in 4,
 * "iron" in 2; among the "cramps" units 3 mention magnesium, 2 potassium, 1 calcium, 1 vitamin B12.
 */
final class PageFixtures {

    static final String MINERALS = "leg-cramps-minerals";
    static final String MINERALS_TITLE = "Leg Cramps and the Minerals Behind Them";
    static final String IRON = "iron-and-restless-legs";
    static final String DIARY = "night-cramps-diary";
    static final String HOSTILE = "hostile-markup";

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=2\">";
    static final String HOSTILE_TITLE = "Quokka " + SCRIPT + " notes";
    static final String HOSTILE_HEADING = IMG + " Quokka heading";
    static final String HOSTILE_TEXT = "The quokka " + SCRIPT + " eats leaves " + IMG + " and calcium-rich grass.";

    private PageFixtures() {
    }

    /** Leg cramps and the minerals: every kind of unit, nutrient mentions in most of them. */
    static Article minerals() {
        return new Article(MINERALS, MINERALS_TITLE, "corpus/" + MINERALS + ".txt",
                "Night-time leg cramps are often linked to low magnesium, potassium or calcium.",
                List.of("Magnesium helps muscles relax after they contract.",
                        "Potassium keeps nerve signals steady."),
                List.of(new Section(null, null,
                                "Leg cramps are sudden, painful muscle contractions. Many people have them at night.\n\n"
                                        + filler()),
                        new Section("Magnesium: For Muscle Relaxation", null,
                                "Magnesium plays a key role in muscle relaxation after contraction.\n\n"
                                        + "A magnesium deficiency can cause spasms and cramps, particularly at night."),
                        new Section("Potassium: The Electrolyte Balancer", null,
                                "Potassium is an essential electrolyte. Low potassium levels, or hypokalemia, "
                                        + "can cause painful muscle cramps and weakness."),
                        new Section("Calcium and Vitamin D", null,
                                "Vitamin D helps the body absorb calcium. Low calcium can trigger muscle spasms.")),
                List.of(new FaqEntry("Can magnesium help with leg cramps?",
                                "Magnesium supplements may help people with a known deficiency; evidence for "
                                        + "everyone else is mixed."),
                        new FaqEntry("How much water should I drink?",
                                "Staying hydrated helps prevent cramps after exercise.")),
                List.of(new Table("Comparison of Key Nutrients", "Nutrient | Function | Food sources",
                        List.of("Nutrient", "Function", "Food sources"),
                        List.of(row("Magnesium", "Muscle relaxation", "Nuts, seeds, leafy greens"),
                                row("Potassium", "Nerve signals", "Bananas, potatoes"),
                                row("Calcium", "Contraction", "Dairy, fortified drinks")))),
                "This article is for information only and is not medical advice.");
    }

    /** Iron and B12: the restless-legs side of the corpus. */
    static Article iron() {
        return new Article(IRON, "Iron, B12 and Restless Legs", "corpus/" + IRON + ".txt", null, List.of(),
                List.of(new Section("Iron and restless legs", null,
                                "Iron deficiency is linked to restless legs syndrome, which disturbs sleep."),
                        new Section("Vitamin B12 and nerves", null,
                                "Vitamin B12 deficiency can cause tingling and numbness; cramps are less common.")),
                List.of(new FaqEntry("Does iron help restless legs?",
                        "Iron supplements help when ferritin is low. Ask a doctor before taking iron.")),
                List.of(), null);
    }

    /** Six FAQ entries about cramps and no nutrients: enough results for a second page. */
    static Article diary() {
        return new Article(DIARY, "A Diary of Night Cramps", "corpus/" + DIARY + ".txt", null, List.of(), List.of(),
                List.of(new FaqEntry("When do night cramps strike?", "Most strike in the early hours of sleep."),
                        new FaqEntry("Do cramps mean something is wrong?", "Occasional ones are common and harmless."),
                        new FaqEntry("Can stretching stop cramps?", "Stretching the calf before bed helps many people."),
                        new FaqEntry("Should I see a doctor about cramps?", "Yes, when they are frequent or severe."),
                        new FaqEntry("Are cramps worse in pregnancy?", "They are more frequent in the later months."),
                        new FaqEntry("Does heat help a cramp?", "A warm towel relaxes the muscle afterwards.")),
                List.of(), null);
    }

    /** Markup in every field a page shows: it must be shown as text and never run. */
    static Article hostile() {
        return new Article(HOSTILE, HOSTILE_TITLE, "corpus/" + HOSTILE + ".txt", null, List.of(),
                List.of(new Section(HOSTILE_HEADING, null, HOSTILE_TEXT)),
                List.of(new FaqEntry("Is the quokka " + SCRIPT + " safe?", "Quokka answer " + IMG)),
                List.of(new Table("Quokka table " + IMG, "Name | Note", List.of("Name", "Note " + SCRIPT),
                        List.of(row("Quokka " + IMG, SCRIPT)))),
                "Disclaimer " + SCRIPT);
    }

    static List<Article> all() {
        return List.of(minerals(), iron(), diary(), hostile());
    }

    private static TableRow row(String... cells) {
        return new TableRow(List.of(cells), String.join(" | ", cells));
    }

    /** Length, so the later sections start below the fold and opening one must scroll. */
    private static String filler() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            text.append("Paragraph ").append(i)
                    .append(" explains how electrolytes carry the signals that make muscles contract and relax.\n\n");
        }
        return text.toString().strip();
    }
}
