package org.nutrisearch.corpus;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values of the five seed articles: what a reader of the search results relies on. */
class ArticleParserTest {

    private static final String DISCLAIMER =
            "This content is for informational purposes only and should not replace professional medical advice.";

    private static List<String> headings(Article a) {
        return a.sections().stream().map(Section::heading).toList();
    }

    private static void assertStarts(String expectedStart, String actual) {
        assertTrue(actual != null && actual.startsWith(expectedStart),
                () -> "expected to start with <" + expectedStart + "> but was <" + actual + ">");
    }

    @Test
    void legStiffness() throws IOException {
        Article a = SeedArticles.parse(SeedArticles.STIFFNESS);
        assertEquals("What deficiency causes stiffness in legs? Understanding Nutritional Culprits", a.title());
        assertEquals("corpus/leg-stiffness-nutritional-culprits.txt", a.source());
        assertEquals(java.util.Arrays.asList(null, "The Core Nutrients Behind Muscle Function",
                "The Importance of Magnesium", "Potassium's Role in Nerve Signals",
                "The Vitamin D and Calcium Connection", "Iron and Restless Legs Syndrome",
                "The Broader Picture: Hydration and B Vitamins", "When to See a Doctor", "Conclusion"), headings(a));
        assertStarts("Up to 40% of adults in the United States may have a vitamin D deficiency",
                a.sections().get(0).text());
        assertStarts("Chronic leg stiffness and cramping may be symptoms of deficiencies", a.summary());
        assertEquals(6, a.keyPoints().size());
        assertEquals("Magnesium is Key for Relaxation: Magnesium deficiency is a leading cause of muscle stiffness "
                + "and cramps, as it is essential for proper muscle relaxation.", a.keyPoints().get(0));
        assertStarts("Consult a Professional: Always seek medical advice", a.keyPoints().get(5));

        assertEquals(7, a.faqs().size());
        assertTrue(a.faqs().stream().allMatch(f -> f.question() == null));
        assertStarts("Yes, a deficiency in magnesium can often cause night cramps.", a.faqs().get(0).answer());
        assertStarts("Iron deficiency, particularly in the brain, is thought to play a key role",
                a.faqs().get(6).answer());

        assertEquals(1, a.tables().size());
        Table t = a.tables().get(0);
        assertEquals("Comparison of Key Nutrients for Muscle Health", t.heading());
        assertEquals("Nutrient Primary Role in Muscles Symptoms of Deficiency Key Dietary Sources", t.header());
        assertEquals(List.of("Nutrient", "Primary Role in Muscles", "Symptoms of Deficiency", "Key Dietary Sources"),
                t.columns());
        assertEquals(5, t.rows().size());
        assertEquals(List.of("Magnesium", "Potassium", "Calcium", "Vitamin D", "Iron"),
                t.rows().stream().map(r -> r.cells().get(0)).toList());
        assertEquals(List.of("Vitamin D", "Facilitates calcium absorption.", "Muscle weakness, aches, and fatigue.",
                "Sunlight, fatty fish, fortified dairy."), t.rows().get(3).cells());
        assertEquals("Nutrient: Vitamin D — Primary Role in Muscles: Facilitates calcium absorption. "
                + "Symptoms of Deficiency: Muscle weakness, aches, and fatigue. "
                + "Key Dietary Sources: Sunlight, fatty fish, fortified dairy.", t.rows().get(3).text());
        assertEquals(DISCLAIMER, a.disclaimer());
    }

    @Test
    void legCramps() throws IOException {
        Article a = SeedArticles.parse(SeedArticles.CRAMPS);
        assertEquals("What Vitamin Deficiency Causes Leg Cramps and How to Address It", a.title());
        assertEquals(12, a.sections().size());
        assertEquals(List.of("The Primary Suspects: Vitamin D and the B-Family",
                "The Critical Link: Vitamin D and Calcium", "Nerves and Spasms: The Role of B Vitamins"),
                headings(a).subList(1, 4));
        assertEquals("Conclusion: A Holistic Approach to Cramp Prevention", headings(a).get(11));
        assertNull(a.sections().get(0).heading());
        assertStarts("According to one report, nearly 60% of adults", a.sections().get(0).text());

        // Bullets stay in their section, one per line, after the paragraph.
        String nerves = a.sections().get(3).text();
        String[] parts = nerves.split("\n\n");
        assertEquals(2, parts.length);
        String[] bullets = parts[1].split("\n");
        assertEquals(2, bullets.length);
        assertStarts("• Vitamin B12 (Cobalamin): This vitamin is vital for nerve health", bullets[0]);
        assertStarts("• Vitamin B1 (Thiamine): Though rare in developed countries", bullets[1]);
        assertEquals(3, a.sections().get(9).text().split("\n").length, "Dietary Adjustments: three bullets");

        assertStarts("Painful and involuntary leg cramps can result from imbalances", a.summary());
        assertEquals(6, a.keyPoints().size());
        assertEquals(7, a.faqs().size());
        assertStarts("While multiple deficiencies can play a role, low vitamin D levels", a.faqs().get(0).answer());
        assertStarts("You should consult a doctor if your leg cramps are frequent", a.faqs().get(6).answer());

        assertEquals(1, a.tables().size());
        Table t = a.tables().get(0);
        assertEquals("Distinguishing Nutrient Deficiencies and Other Causes", t.heading());
        assertEquals(List.of("Nutrient/Mineral", "Primary Function", "Potential Symptoms (Cramps-Related)"), t.columns());
        assertEquals(5, t.rows().size());
        assertEquals(List.of("Vitamin B12", "Nerve health, red blood cell production",
                "Cramps, tingling, numbness, balance problems"), t.rows().get(1).cells());
        assertEquals(List.of("Calcium", "Muscle contraction, bone health",
                "Muscle cramps (especially in legs/back), tingling"), t.rows().get(4).cells());
        assertEquals(DISCLAIMER, a.disclaimer());
    }

    @Test
    void legPainAtNight() throws IOException {
        Article a = SeedArticles.parse(SeedArticles.NIGHT_PAIN);
        assertEquals("Nutrition Diet: What vitamin deficiency causes leg pain at night?", a.title());
        assertEquals(java.util.Arrays.asList(null,
                "Understanding the Connection Between Nutrition and Nighttime Leg Pain", "Magnesium", "Vitamin D",
                "Potassium", "Iron", "Vitamin B12", "Improve Your Diet", "Consider Supplements", "Stay Hydrated",
                "Lifestyle Practices", "When to See a Doctor", "Conclusion"), headings(a));
        // A heading with no text of its own is the parent of the one right under it.
        Section magnesium = a.sections().get(2);
        assertEquals("The Role of Specific Nutrient Deficiencies", magnesium.parentHeading());
        assertEquals("The Role of Specific Nutrient Deficiencies › Magnesium", magnesium.displayHeading());
        assertNull(a.sections().get(3).parentHeading());
        assertEquals("Nutritional Strategies and Lifestyle Adjustments", a.sections().get(7).parentHeading());
        assertStarts("Magnesium is a vital mineral that acts as a natural calcium blocker", magnesium.text());
        assertTrue(magnesium.text().endsWith("\n\n• Rich food sources: Dark leafy greens (spinach, Swiss chard), "
                + "pumpkin and sunflower seeds, nuts (cashews), legumes (black beans, edamame), whole grains "
                + "(brown rice), and avocado."), magnesium.text());

        assertEquals(7, a.keyPoints().size());
        assertEquals(8, a.faqs().size());
        assertStarts("Deficiencies in key minerals and vitamins like magnesium", a.faqs().get(0).answer());
        assertEquals("Other causes include dehydration, muscle fatigue from overexertion, poor circulation, certain "
                + "medications, or underlying health conditions like diabetes or kidney disease.",
                a.faqs().get(7).answer());

        Table t = a.tables().get(0);
        assertEquals("Comparison of Deficiency-Related Leg Pain", t.heading());
        assertEquals(List.of("Deficiency", "Primary Role", "Common Symptoms", "Dietary Sources (Examples)"), t.columns());
        assertEquals(5, t.rows().size());
        assertEquals(List.of("Iron", "Oxygen transport; linked to dopamine function.",
                "Restless Legs Syndrome (RLS), leg cramps, fatigue, anemia.",
                "Red meat, lentils, chickpeas, fortified cereals."), t.rows().get(3).cells());
        assertEquals(DISCLAIMER, a.disclaimer());
    }

    @Test
    void nighttimeCrampsHasNoBlankLinesNoTitleAndQuestionsAsFaq() throws IOException {
        Article a = SeedArticles.parse(SeedArticles.NIGHT_CRAMPS);
        // No title line in the scrape: the page's own question, first of its FAQ block, names it.
        assertEquals("What vitamin deficiency causes nighttime leg cramps?", a.title());
        assertEquals(List.of("The Role of Electrolytes and Nutrients in Muscle Function",
                "Magnesium Deficiency and Nighttime Cramps", "The Vitamin K2 Connection", "Other Nutritional Culprits",
                "Nutritional Supplements vs. Diet: A Comparison", "Conclusion"), headings(a));
        assertEquals(2, a.sections().get(0).text().split("\n\n").length, "two paragraphs, one per line");
        String culprits = a.sections().get(3).text();
        assertEquals(4, culprits.lines().filter(l -> !l.isBlank()).count(), "paragraph, then three bullets: " + culprits);
        assertStarts("- Calcium and Vitamin D: A deficiency in calcium", culprits.split("\n\n")[1]);

        assertNull(a.summary());
        assertEquals(List.of(), a.keyPoints());
        assertNull(a.disclaimer());

        assertEquals(7, a.faqs().size());
        assertEquals(List.of("What vitamin deficiency causes nighttime leg cramps?",
                "What are some other possible causes besides vitamin deficiency?",
                "When should I see a doctor for leg cramps?",
                "Can magnesium help with leg cramps even without a deficiency?",
                "What foods should I eat to prevent nighttime leg cramps?",
                "What are the best immediate remedies for a leg cramp?",
                "How can I improve my magnesium absorption?"), a.faqs().stream().map(FaqEntry::question).toList());
        assertStarts("Key Nutrients for Healthy Muscles and Nerves\n\nMagnesium: This mineral is crucial",
                a.faqs().get(0).answer());
        assertStarts("To improve magnesium absorption, ensure you have sufficient vitamin D", a.faqs().get(6).answer());

        assertEquals(1, a.tables().size());
        Table t = a.tables().get(0);
        assertEquals("Nutritional Supplements vs. Diet: A Comparison", t.heading());
        assertEquals("Feature | Dietary Approach | Supplementation | Recommendation", t.header());
        assertEquals(List.of("Feature", "Dietary Approach", "Supplementation", "Recommendation"), t.columns());
        assertEquals(4, t.rows().size());
        assertEquals(List.of("Safety", "Very low risk of toxicity when consuming nutrient-rich foods.",
                "Risk of adverse effects and drug interactions (e.g., vitamin K and blood thinners).",
                "Discuss with a doctor, especially concerning potential interactions."), t.rows().get(2).cells());
        assertEquals("Feature: Cost — Dietary Approach: Generally more affordable over the long run. "
                + "Supplementation: Can be expensive depending on the brand and dosage. "
                + "Recommendation: Varies by nutrient; a mix of diet and supplements is often best.",
                t.rows().get(1).text());
    }

    @Test
    void calfMusclePainHasATransposedTable() throws IOException {
        Article a = SeedArticles.parse(SeedArticles.CALF);
        assertEquals("Which Deficiency Causes Calf Muscle Pain and What You Can Do", a.title());
        assertEquals(9, a.sections().size());
        assertEquals(List.of("Other Contributing Factors", "Natural and Medical Approaches to Relief", "Conclusion"),
                headings(a).subList(6, 9));
        assertTrue(a.sections().get(8).text().endsWith("\n\nWhich deficiency causes calf muscle pain and related issues."));
        assertEquals(6, a.keyPoints().size());
        assertEquals(7, a.faqs().size());
        assertStarts("There is no single 'most common' deficiency", a.faqs().get(0).answer());
        assertStarts("It is best to consult a healthcare provider before taking supplements.", a.faqs().get(6).answer());

        Table t = a.tables().get(0);
        assertEquals("Comparison of Deficiency-Related Calf Pain", t.heading());
        assertEquals(List.of("Feature", "Magnesium Deficiency", "Potassium Deficiency", "Calcium Deficiency",
                "Vitamin D Deficiency"), t.columns());
        assertEquals(List.of("Primary Function", "Primary Symptom", "Common Triggers", "Treatment Focus",
                "Associated Risks"), t.rows().stream().map(r -> r.cells().get(0)).toList());
        assertEquals(List.of("Treatment Focus", "Increased dietary intake and supplementation",
                "Balanced diet, hydration", "Dietary intake and supplements (often with Vitamin D)",
                "Sunlight, diet, supplementation"), t.rows().get(3).cells());
        assertEquals(DISCLAIMER, a.disclaimer());
    }

    @Test
    void unitIdsAreStableAndPointAtTheRightText() throws IOException {
        Map<String, Unit> units = SeedArticles.parse(SeedArticles.CRAMPS).units().stream()
                .collect(Collectors.toMap(Unit::id, Function.identity()));
        Unit bananas = units.get("leg-cramps-vitamin-deficiency#faq-6");
        assertEquals(UnitKind.FAQ, bananas.kind());
        assertStarts("Bananas are rich in potassium, ", bananas.text());
        assertEquals("Frequently Asked Questions", bananas.heading());
        assertEquals(UnitKind.SUMMARY, units.get("leg-cramps-vitamin-deficiency#summary").kind());
        assertStarts("B12 and B1 Deficiencies:", units.get("leg-cramps-vitamin-deficiency#keypoint-2").text());
        assertNull(units.get("leg-cramps-vitamin-deficiency#section-1").heading(), "the lead has no heading");
        assertEquals("Magnesium: For Muscle Relaxation", units.get("leg-cramps-vitamin-deficiency#section-6").heading());
        Unit row = units.get("leg-cramps-vitamin-deficiency#table-1-row-3");
        assertEquals("Distinguishing Nutrient Deficiencies and Other Causes", row.heading());
        assertStarts("Nutrient/Mineral: Magnesium — Primary Function: Muscle relaxation", row.text());

        Map<String, Unit> night = SeedArticles.parse(SeedArticles.NIGHT_PAIN).units().stream()
                .collect(Collectors.toMap(Unit::id, Function.identity()));
        assertEquals("The Role of Specific Nutrient Deficiencies › Magnesium",
                night.get("leg-pain-at-night-vitamin-deficiency#section-3").heading());

        Unit question = SeedArticles.parse(SeedArticles.NIGHT_CRAMPS).units().stream()
                .filter(u -> u.id().equals("nighttime-leg-cramps-nutrients#faq-3")).findFirst().orElseThrow();
        assertEquals("When should I see a doctor for leg cramps?", question.question());
    }

    @Test
    void everySeedHasTheExpectedUnitCounts() throws IOException {
        // summary + key points + sections + faqs + table rows
        Map<String, Integer> expected = Map.of(
                SeedArticles.STIFFNESS, 1 + 6 + 9 + 7 + 5,
                SeedArticles.CRAMPS, 1 + 6 + 12 + 7 + 5,
                SeedArticles.NIGHT_PAIN, 1 + 7 + 13 + 8 + 5,
                SeedArticles.NIGHT_CRAMPS, 6 + 7 + 4,
                SeedArticles.CALF, 1 + 6 + 9 + 7 + 5);
        for (String id : SeedArticles.ALL) {
            List<Unit> units = SeedArticles.parse(id).units();
            assertEquals(expected.get(id), units.size(), id);
            assertEquals(units.size(), units.stream().map(Unit::id).distinct().count(), id + ": ids are unique");
            assertTrue(units.stream().allMatch(u -> u.id().startsWith(id + "#")), id);
        }
    }

    @Test
    void theUnitCountAndTheUnitsWithoutTypesAgreeWithTheUnits() throws IOException {
        int sectionsWithTypes = 0;
        for (String id : SeedArticles.ALL) {
            Article a = SeedArticles.parse(id);
            List<Unit> units = a.units();
            List<Unit> untyped = a.unitsWithoutTypes();
            assertEquals(units.size(), a.unitCount(), id);
            assertEquals(units.stream().map(Unit::id).toList(), untyped.stream().map(Unit::id).toList(), id);
            assertEquals(units.stream().map(Unit::text).toList(), untyped.stream().map(Unit::text).toList(), id);
            assertTrue(untyped.stream().filter(u -> u.kind() != UnitKind.FAQ).allMatch(u -> u.questionType() == null), id);
            sectionsWithTypes += (int) units.stream().filter(u -> u.kind() == UnitKind.SECTION && u.questionType() != null).count();
        }
        assertTrue(sectionsWithTypes > 0, "some section heading asks something, so the two lists differ in types");
    }
}
