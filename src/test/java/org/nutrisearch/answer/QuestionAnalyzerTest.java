package org.nutrisearch.answer;

import org.junit.jupiter.api.Test;
import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.query.QuestionWords;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A question read once: what it asks, about which subject, and the sentences that ask it. */
class QuestionAnalyzerTest {

    private final QuestionWords words = new QuestionWords(TextAnalyzers.english());
    private final QuestionAnalyzer analyzer = new QuestionAnalyzer(words);
    private final FocusGazetteer gazetteer = FocusGazetteer.build(
            List.of("Flu", "Food Allergy", "Asthma", "Diabetes", "Low Potassium"), NutrientLexicon.loadDefault(),
            SynonymCoverage.loadDefault(words), words);

    private QuestionAnalysis analyse(String question) {
        return analyzer.analyse(question, gazetteer, terms -> Map.of(), 0);
    }

    @Test
    void aShortQuestionNamesItsFocusAndType() {
        QuestionAnalysis q = analyse("What are the symptoms of Flu?");
        assertEquals("flu", q.focus().label());
        assertEquals(QuestionType.SYMPTOMS, q.type());
        assertEquals(List.of("flu"), q.focusTerms());
        assertFalse(q.reduced());
        assertEquals("What are the symptoms of Flu?", q.asking());
    }

    @Test
    void whatASubjectFeelsLikeAsksForItsSymptomsOnceTheSubjectIsTakenOut() {
        QuestionAnalysis q = analyse("what does low potassium feel like in the legs");
        assertEquals("low potassium", q.focus().label());
        assertEquals(Set.of(QuestionType.SYMPTOMS), q.types(), "\"what does feel like in the legs\" is still asked");
        assertEquals(Set.of(QuestionType.INFORMATION), analyse("what does low potassium mean").types());
        assertEquals(Set.of(QuestionType.CAUSES), analyse("where does asthma come from").types());
    }

    @Test
    void aMisspelledQuestionWordStillSaysWhatIsAsked() {
        QuestionAnalysis q = analyse("simptoms of low potasium");
        assertEquals("low potassium", q.focus().label());
        assertEquals(Set.of(QuestionType.SYMPTOMS), q.types());
        assertEquals("symptoms of low potasium", q.asking());
        assertEquals(List.of("symptom", "low", "potassium"), q.content().terms(), "both read as meant");
    }

    @Test
    void theSubjectsOwnWordsNeverDecideTheType() {
        QuestionAnalysis q = analyse("what is food allergy");
        assertEquals("food allergy", q.focus().label());
        assertEquals(Set.of(QuestionType.INFORMATION), q.types(), "not food sources");
    }

    @Test
    void aQuestionMayAskForMoreThanOneThing() {
        QuestionAnalysis q = analyse("which foods prevent diabetes");
        assertEquals(List.of(QuestionType.PREVENTION, QuestionType.FOOD_SOURCES), List.copyOf(q.types()));
        assertEquals(QuestionType.PREVENTION, q.type());
    }

    @Test
    void aMisspelledSubjectIsFound() {
        assertEquals("diabetes", analyse("how to prevent diabetis").focus().label());
    }

    @Test
    void aLongMessageIsReadForItsAskingSentenceAndTheSubjectItTalksAbout() {
        QuestionAnalysis q = analyse("Hi there. My mother was told by her doctor last week that her potassium is low "
                + "and she has felt weak in the legs for a month now. What should she eat?");
        assertTrue(q.reduced());
        assertEquals("Potassium", q.focus().label());
        assertEquals("What should she eat? (Potassium)", q.asking(), "the subject is added to what is asked");
        assertEquals(QuestionType.FOOD_SOURCES, q.type());
    }

    @Test
    void aQuestionAboutNothingTheCorpusKnowsHasNoFocus() {
        QuestionAnalysis q = analyse("how do I reset my wifi router");
        assertNull(q.focus());
        assertEquals(List.of(), q.focusTerms());
    }

    @Test
    void aSubjectEveryUnitTalksAboutGivesWayToAMoreSpecificOne() {
        FocusGazetteer withLabels = FocusGazetteer.build(List.of("Achalasia", "Care after surgery", "Medication", "Assistance", "Pain", "X-rays",
                "Asbestosis", "Low Potassium", "When to see a doctor"), NutrientLexicon.loadDefault(),
                SynonymCoverage.loadDefault(words), words);
        // 1 000 units: "after", "surgeri", "medic" and "doctor" are in a tenth of them, the rest in few.
        Map<String, Integer> df = Map.of("after", 100, "surgeri", 120, "medic", 200, "doctor", 90,
                "potassium", 300, "achalasia", 3, "asbestosi", 2, "assist", 20, "pain", 150, "x", 10);
        java.util.function.Function<java.util.Collection<String>, Map<String, Integer>> counts = terms -> df;

        QuestionAnalysis longer = analyzer.analyse("achalasia after surgery, will spasms continue in the upper chest "
                + "and what can assist in ending them", withLabels, counts, 1000);
        assertEquals("achalasia", longer.focus().key(), "not the longer but generic after surgery, nor the commoner assist");

        QuestionAnalysis subjectLine = analyzer.analyse("Medical Diagnosis of Asbestosis. My doctors hint that I have "
                + "asbestosis but do not say I have asbestosis. Why won't the doctor say it?", withLabels, counts, 1000);
        assertEquals("asbestosi", subjectLine.focus().key());

        QuestionAnalysis nutrient = analyzer.analyse("is it safe to take potassium pills without asking a doctor",
                withLabels, counts, 1000);
        assertEquals("potassium", nutrient.focus().key(), "a nutrient is the portal's own subject, however common");

        QuestionAnalysis asked = analyzer.analyse("Ankle injury. I got hurt in my left ankle five months ago and the "
                + "x-rays showed no damage. I have been doing the exercises since. Can you please suggest how to overcome "
                + "the pain?", withLabels, counts, 1000);
        assertEquals("pain", asked.focus().key(), "the asking sentence's generic subject, not one from the rest");
        assertEquals("Ankle injury. Can you please suggest how to overcome the pain?", asked.asking());

        QuestionAnalysis onlyGeneric = analyzer.analyse("what should I do after surgery", withLabels, counts, 1000);
        assertEquals("after surgeri", onlyGeneric.focus().key(), "a generic subject when the question names no other");
    }

    @Test
    void aMisspelledSubjectWordIsReadAsTheWordItMisspells() {
        FocusGazetteer fmf = FocusGazetteer.build(List.of("Familial Mediterranean fever"), NutrientLexicon.loadDefault(),
                SynonymCoverage.loadDefault(words), words);
        Map<String, Integer> df = Map.of("famili", 40, "mediterranean", 12, "fever", 300, "husband", 25, "info", 80);
        QuestionAnalysis q = analyzer.analyse("i would like more info about Familial Mediterean Fever please",
                fmf, terms -> df, 10_000);

        assertEquals("familial mediterranean fever", q.focus().label(), "three edits away in a word of ten letters");
        assertTrue(q.content().terms().contains("mediterranean"), q.content().terms().toString());
        assertFalse(q.content().terms().contains("mediterean"), "the coverage features read the corrected word");
        assertTrue(q.content().words().contains("mediterean"), "the words stay as typed");
    }
}
