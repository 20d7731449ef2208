package org.nutrisearch.corpus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class QuestionTypeClassifierTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "What are the symptoms of Flu?|SYMPTOMS",
            "What are the signs and symptoms of Parkinson's Disease ?|SYMPTOMS",
            "What causes Breast Cancer?|CAUSES",
            "why do my legs cramp at night|CAUSES",
            "How to diagnose Sickle Cell Anemia?|DIAGNOSIS",
            "What are the treatments of Dementia?|TREATMENT",
            "How do I get rid of these little devils?|TREATMENT",
            "How to prevent Diabetes?|PREVENTION",
            "What is the outlook for Stroke ?|OUTLOOK",
            "Is cystic fibrosis inherited ?|INHERITANCE",
            "What are the genetic changes related to Wilson disease ?|GENETIC_CHANGES",
            "How many people are affected by Wilson disease ?|FREQUENCY",
            "Who is at risk for Osteoporosis? ?|SUSCEPTIBILITY",
            "What are the stages of Prostate Cancer ?|STAGES",
            "what research (or clinical trials) is being done for Lupus ?|RESEARCH",
            "What are the complications of Diabetes ?|COMPLICATIONS",
            "how much magnesium should I take a day|DOSAGE",
            "which foods are rich in potassium|FOOD_SOURCES",
            "can I take iron with calcium|INTERACTIONS",
            "does magnesium have side effects|SIDE_EFFECTS",
            "What is Flu?|INFORMATION",
            "What is (are) Adult Acute Lymphoblastic Leukemia ?|INFORMATION",
            "Swine flu (H1N1 flu) (Symptoms)|SYMPTOMS",
            "Stroke (Outlook (Prognosis))|OUTLOOK",
            "Foods rich in magnesium|FOOD_SOURCES"})
    void readsWhatIsAsked(String text, QuestionType expected) {
        assertEquals(expected, QuestionTypeClassifier.classify(text));
    }

    @Test
    void aBareTopicAsksNothing() {
        assertNull(QuestionTypeClassifier.classify("Magnesium and leg cramps"));
        assertNull(QuestionTypeClassifier.classify("Frequently Asked Questions"));
        assertNull(QuestionTypeClassifier.classify(null));
    }

    @Test
    void medQuadLabelsAndApiNamesMapToTypes() {
        assertEquals(QuestionType.DIAGNOSIS, QuestionType.fromLabel("exams and tests"));
        assertEquals(QuestionType.GENETIC_CHANGES, QuestionType.fromLabel("genetic changes"));
        assertEquals(QuestionType.SUPPORT, QuestionType.fromLabel("support groups"));
        assertEquals(QuestionType.FOOD_SOURCES, QuestionType.fromLabel("food-sources"));
        assertEquals("food-sources", QuestionType.FOOD_SOURCES.apiName());
        assertNull(QuestionType.fromLabel("astrology"));
    }
}
