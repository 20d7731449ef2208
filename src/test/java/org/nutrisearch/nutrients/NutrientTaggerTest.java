package org.nutrisearch.nutrients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NutrientTaggerTest {

    private static final NutrientTagger TAGGER = new NutrientTagger(NutrientLexicon.loadDefault());

    /** Mentions written as "surface@start:id", which shows offsets and the text they cover at once. */
    private static List<String> tag(String text) {
        List<String> out = new ArrayList<>();
        for (NutrientMention m : TAGGER.tag(text)) {
            out.add(text.substring(m.start(), m.end()) + "@" + m.start() + ":" + m.nutrientId());
        }
        return out;
    }

    @Test
    void findsWholeWordsWithExactOffsets() {
        assertEquals(List.of(new NutrientMention(0, 9, "magnesium"), new NutrientMention(14, 23, "potassium")),
                TAGGER.tag("Magnesium and potassium."));
    }

    @Test
    void isCaseInsensitive() {
        assertEquals(List.of("MAGNESIUM@0:magnesium", "VITAMIN D@14:vitamin-d", "b12@29:vitamin-b12"),
                tag("MAGNESIUM and VITAMIN D, and b12"));
    }

    @Test
    void doesNotMatchInsideWords() {
        assertEquals(List.of(), tag("The environment ironically shows a calciumoid zincography."));
        assertEquals(List.of(), tag("Reference B123 and AB12 and B1x are not vitamins"));
    }

    @Test
    void b1IsNotFoundInsideB12() {
        assertEquals(List.of("B12@0:vitamin-b12", "B1@8:vitamin-b1"), tag("B12 and B1"));
    }

    @Test
    void longestMatchWins() {
        assertEquals(List.of("vitamin D3@5:vitamin-d"), tag("Take vitamin D3 daily"));
        assertEquals(List.of("vitamin B complex@0:b-vitamins"), tag("vitamin B complex"));
        assertEquals(List.of("iron-deficiency anemia@0:iron"), tag("iron-deficiency anemia"));
        assertEquals(List.of("vitamin B-12@0:vitamin-b12"), tag("vitamin B-12"));
    }

    @Test
    void punctuationAndHyphensAreWordBoundaries() {
        assertEquals(List.of("magnesium@0:magnesium"), tag("magnesium-rich foods"));
        assertEquals(List.of("Magnesium@0:magnesium"), tag("Magnesium: This mineral"));
        assertEquals(List.of("Calcium@0:calcium"), tag("Calcium's Role"));
        assertEquals(List.of("Vitamin D@0:vitamin-d"), tag("Vitamin D's primary role"));
        assertEquals(List.of("calcium@10:calcium"), tag("low blood calcium (hypo)"));
    }

    @Test
    void spacesAndHyphensInsideANameAreInterchangeable() {
        assertEquals(List.of("B-vitamins@0:b-vitamins", "B vitamins@15:b-vitamins", "B-Family@34:b-vitamins"),
                tag("B-vitamins and B vitamins and the B-Family"));
        assertEquals(List.of("vitamin-D@0:vitamin-d"), tag("vitamin-D"));
    }

    @Test
    void clinicalWordsNameTheMissingNutrient() {
        assertEquals(List.of(
                        "hypokalemia@0:potassium", "Hypocalcaemia@13:calcium", "hypomagnesemia@28:magnesium",
                        "hyponatremia@44:sodium", "VDD@58:vitamin-d", "hypophosphatemia@63:phosphorus",
                        "hypokalaemia@81:potassium"),
                tag("hypokalemia, Hypocalcaemia, hypomagnesemia, hyponatremia, VDD, hypophosphatemia, hypokalaemia"));
    }

    @Test
    void plainAnemiaIsNotAMention() {
        // Anemia has many causes (iron, B12, folate, blood loss); only the named forms map to a nutrient.
        assertEquals(List.of(), tag("fatigue, anemia."));
        assertEquals(List.of("pernicious anemia@0:vitamin-b12"), tag("pernicious anemia"));
    }

    @Test
    void aLoneDIsNotVitaminD() {
        assertEquals(List.of(), tag("a grade D result from plan D (D)"));
        assertEquals(List.of("Vitamin D@0:vitamin-d"), tag("Vitamin D, grade D"));
        assertEquals(List.of(), tag("vitamins d and k"));
    }

    @Test
    void vitaminListIsOneMentionPerVitamin() {
        String text = "deficiencies in magnesium, potassium, calcium, and vitamins D, K2, B1, and B12 can";
        assertEquals(List.of("magnesium@16:magnesium", "potassium@27:potassium", "calcium@38:calcium",
                        "vitamins D@51:vitamin-d", "K2@63:vitamin-k2", "B1@67:vitamin-b1", "B12@75:vitamin-b12"),
                tag(text));
    }

    @Test
    void singularHeadStartsAListToo() {
        assertEquals(List.of("vitamin D@0:vitamin-d", "K@14:vitamin-k2"), tag("vitamin D and K"));
        assertEquals(List.of("Vitamin D@0:vitamin-d", "B12@11:vitamin-b12", "magnesium@20:magnesium"),
                tag("Vitamin D, B12, and magnesium"));
        // A longer name right after the list wins over the bare code.
        assertEquals(List.of("Vitamin D@0:vitamin-d", "B vitamins@14:b-vitamins"), tag("Vitamin D and B vitamins"));
    }

    @Test
    void bVitaminsGroupWithItsMembersInParentheses() {
        assertEquals(List.of("B Vitamins@0:b-vitamins", "B1@12:vitamin-b1", "B12@17:vitamin-b12"),
                tag("B Vitamins (B1 & B12)"));
        assertEquals(List.of("B vitamins@0:b-vitamins", "B1@12:vitamin-b1", "B12@19:vitamin-b12"),
                tag("B vitamins (B1 and B12)"));
    }

    @Test
    void loneDInAParenthesizedNutrientListIsVitaminD() {
        String text = "fatigue (B12, D), muscle weakness (D, Potassium), or tingling/numbness (B12).";
        assertEquals(List.of("B12@9:vitamin-b12", "D@14:vitamin-d", "D@35:vitamin-d", "Potassium@38:potassium",
                "B12@72:vitamin-b12"), tag(text));
    }

    @Test
    void parenthesesWithoutARealNameStayUntagged() {
        assertEquals(List.of(), tag("option (D, K)"));
        assertEquals(List.of("calcium@11:calcium"), tag("low blood (calcium, D and more)"));
    }

    @Test
    void nameFollowedByItsSynonymInParenthesesIsTwoMentions() {
        assertEquals(List.of("Vitamin B12@0:vitamin-b12", "Cobalamin@13:vitamin-b12"), tag("Vitamin B12 (Cobalamin):"));
        assertEquals(List.of("Vitamin B1@0:vitamin-b1", "Thiamine@12:vitamin-b1"), tag("Vitamin B1 (Thiamine)"));
    }

    @Test
    void deficiencyPhrasesAndHeadings() {
        assertEquals(List.of("thiamine@0:vitamin-b1"), tag("thiamine deficiency can lead to leg cramps"));
        assertEquals(List.of("Calcium@2:calcium", "Vitamin D@14:vitamin-d"), tag("- Calcium and Vitamin D: A deficiency"));
    }

    @Test
    void vitaminKIsVitaminK2() {
        assertEquals(List.of("vitamin K@6:vitamin-k2", "vitamin K2@20:vitamin-k2", "menaquinone@32:vitamin-k2"),
                tag("(e.g. vitamin K and vitamin K2 (menaquinone))"));
    }

    @Test
    void nutrientIdsAreDistinctInFirstMentionOrder() {
        assertEquals(List.of("vitamin-b12", "vitamin-d", "potassium"),
                TAGGER.nutrientIds("fatigue (B12, D), muscle weakness (D, Potassium), or tingling (B12)"));
        assertEquals(List.of(), TAGGER.nutrientIds(""));
    }

    @Test
    void aHugeTextIsTaggedInOnePass() {
        // 20 MB of near-misses ("vitamin", "(", "B1x") and real names: must finish, and count exactly.
        String chunk = "vitamin (B1x, ( environment iron-rich (D, vitamins D and K2 ";
        int copies = 20_000_000 / chunk.length();
        String text = chunk.repeat(copies);
        List<NutrientMention> mentions = TAGGER.tag(text);
        assertEquals(3 * copies, mentions.size());
        assertEquals(new NutrientMention(28, 32, "iron"), mentions.get(0));
        assertEquals(new NutrientMention(42, 52, "vitamin-d"), mentions.get(1));
        assertEquals(new NutrientMention(57, 59, "vitamin-k2"), mentions.get(2));
    }

    @Test
    void pathologicalSpacingAndParenthesesStayLinear() {
        String text = "(".repeat(1_000_000) + " ".repeat(1_000_000) + "vitamin" + "-".repeat(1_000_000) + "D";
        assertEquals(List.of(), TAGGER.tag(text));
    }
}
