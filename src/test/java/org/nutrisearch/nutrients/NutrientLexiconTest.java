package org.nutrisearch.nutrients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NutrientLexiconTest {

    private static final NutrientLexicon DEFAULT = NutrientLexicon.loadDefault();

    private static NutrientLexicon parse(String json) {
        return NutrientLexicon.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String problemOf(String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse(json)).getMessage();
    }

    @Test
    void defaultLexiconHasEveryRequiredNutrient() {
        for (String id : List.of("magnesium", "potassium", "calcium", "sodium", "iron", "zinc", "phosphorus",
                "vitamin-d", "vitamin-b12", "vitamin-b1", "vitamin-k2", "b-vitamins",
                "vitamin-c", "vitamin-b6", "vitamin-b9")) {
            assertTrue(DEFAULT.contains(id), id);
        }
        assertEquals(15, DEFAULT.nutrients().size());
    }

    @Test
    void nutrientsAreInFileOrder() {
        List<String> ids = DEFAULT.nutrients().stream().map(Nutrient::id).toList();
        assertEquals(List.of("magnesium", "potassium", "calcium", "sodium", "iron", "zinc", "phosphorus",
                "vitamin-d", "vitamin-b12", "vitamin-b1", "vitamin-b6", "vitamin-b9", "vitamin-k2", "vitamin-c",
                "b-vitamins"), ids);
    }

    @Test
    void byIdReturnsLabelAliasesAndClinicalWords() {
        Nutrient d = DEFAULT.byId("vitamin-d").orElseThrow();
        assertEquals("Vitamin D", d.label());
        assertTrue(d.aliases().containsAll(List.of("vitamin D", "vit D", "D3", "vitamin D3", "cholecalciferol", "calciferol")));
        assertTrue(d.clinical().contains("VDD"));

        Nutrient potassium = DEFAULT.byId("potassium").orElseThrow();
        assertEquals(List.of("hypokalemia", "hypokalaemia", "hypokalemic", "hypokalaemic"), potassium.clinical());
        assertTrue(DEFAULT.byId("vitamin-k2").orElseThrow().aliases().contains("vitamin K"));
        assertTrue(DEFAULT.byId("vitamin-b1").orElseThrow().aliases().containsAll(List.of("thiamine", "thiamin", "B1")));
    }

    @Test
    void unknownIdsAreAbsent() {
        assertEquals(Optional.empty(), DEFAULT.byId("vitamin-x"));
        assertEquals(Optional.empty(), DEFAULT.byId("Magnesium"));
        assertEquals(Optional.empty(), DEFAULT.byId(null));
        assertFalse(DEFAULT.contains("anemia"));
        assertFalse(DEFAULT.contains(null));
    }

    @Test
    void lexiconIsImmutable() {
        assertThrows(UnsupportedOperationException.class, () -> DEFAULT.nutrients().remove(0));
        assertThrows(UnsupportedOperationException.class,
                () -> DEFAULT.byId("iron").orElseThrow().aliases().add("Fe"));
    }

    @Test
    void minimalFileLoadsWithOptionalListsMissing() {
        NutrientLexicon lexicon = parse("""
                {"nutrients": [{"id": "iron", "label": "Iron"}]}""");
        assertEquals(List.of(new Nutrient("iron", "Iron", List.of(), List.of())), lexicon.nutrients());
    }

    @Test
    void duplicateIdIsNamed() {
        String problem = problemOf("""
                {"nutrients": [
                  {"id": "iron", "label": "Iron"},
                  {"id": "zinc", "label": "Zinc"},
                  {"id": "iron", "label": "Iron again"}]}""");
        assertEquals("nutrient lexicon: duplicate id \"iron\" (nutrients #1 and #3)", problem);
    }

    @Test
    void aliasClaimedByTwoNutrientsIsNamed() {
        // "vitamin-D" and "Vitamin D" are the same name to the tagger (case and hyphen are ignored).
        String problem = problemOf("""
                {"nutrients": [
                  {"id": "vitamin-d", "label": "Vitamin D"},
                  {"id": "calcium", "label": "Calcium", "aliases": ["vitamin-D"]}]}""");
        assertEquals("nutrient lexicon: alias \"vitamin-D\" of \"calcium\" is already claimed by \"vitamin-d\"", problem);
    }

    @Test
    void clinicalWordClaimedByTwoNutrientsIsNamed() {
        String problem = problemOf("""
                {"nutrients": [
                  {"id": "potassium", "label": "Potassium", "clinical": ["hypokalemia"]},
                  {"id": "sodium", "label": "Sodium", "clinical": ["Hypokalemia"]}]}""");
        assertEquals("nutrient lexicon: clinical word \"Hypokalemia\" of \"sodium\" is already claimed by \"potassium\"",
                problem);
    }

    @Test
    void emptyLabelIsNamed() {
        assertEquals("nutrient lexicon: nutrient \"zinc\" has an empty label",
                problemOf("{\"nutrients\": [{\"id\": \"zinc\", \"label\": \"  \"}]}"));
        assertEquals("nutrient lexicon: nutrient \"zinc\" has an empty label",
                problemOf("{\"nutrients\": [{\"id\": \"zinc\"}]}"));
    }

    @Test
    void missingOrMalformedIdIsNamed() {
        assertEquals("nutrient lexicon: nutrient #1 has no id",
                problemOf("{\"nutrients\": [{\"label\": \"Zinc\"}]}"));
        assertTrue(problemOf("{\"nutrients\": [{\"id\": \"Vitamin D\", \"label\": \"Vitamin D\"}]}")
                .startsWith("nutrient lexicon: nutrient #1 has id \"Vitamin D\"; an id is lower-case"));
    }

    @Test
    void blankAliasIsNamed() {
        assertEquals("nutrient lexicon: nutrient \"zinc\" has alias \" \" that is blank",
                problemOf("{\"nutrients\": [{\"id\": \"zinc\", \"label\": \"Zinc\", \"aliases\": [\" \"]}]}"));
        assertEquals("nutrient lexicon: nutrient \"zinc\" has alias \"zinc!\" that must begin and end with a letter or digit",
                problemOf("{\"nutrients\": [{\"id\": \"zinc\", \"label\": \"Zinc\", \"aliases\": [\"zinc!\"]}]}"));
    }

    @Test
    void emptyFileOrListIsNamed() {
        assertTrue(problemOf("{\"nutrients\": []}").startsWith("nutrient lexicon lists no nutrients"));
        assertTrue(problemOf("{}").startsWith("nutrient lexicon lists no nutrients"));
    }

    @Test
    void invalidJsonAndUnknownFieldsAreNamedWithTheirLocation() {
        String notJson = problemOf("{\"nutrients\": [{\"id\": \"zinc\",, }]}");
        assertTrue(notJson.startsWith("nutrient lexicon is not valid: "), notJson);
        assertTrue(notJson.contains("line 1"), notJson);

        String typo = problemOf("{\"nutrients\": [{\"id\": \"zinc\", \"label\": \"Zinc\", \"alias\": [\"Zn\"]}]}");
        assertTrue(typo.startsWith("nutrient lexicon is not valid: Unrecognized field \"alias\""), typo);
    }
}
