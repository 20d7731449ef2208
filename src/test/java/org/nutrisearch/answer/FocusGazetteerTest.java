package org.nutrisearch.answer;

import org.junit.jupiter.api.Test;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.query.QuestionWords;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subjects filed from a corpus's topics, and found in questions as people write them. */
class FocusGazetteerTest {

    private final QuestionWords words = new QuestionWords(TextAnalyzers.english());
    private final FocusGazetteer gazetteer = FocusGazetteer.build(
            List.of("Flu", "Swine flu (H1N1 flu) (Symptoms)", "Causes of Diabetes", "Heart Attack",
                    "Frequently Asked Questions", "Tetralogy of Fallot", "What is (are) Sickle Cell Anemia ?"),
            NutrientLexicon.loadDefault(), SynonymCoverage.loadDefault(words), words);

    private String focus(String question) {
        return gazetteer.focusOf(gazetteer.subjects(gazetteer.terms(question, Set.of())), false)
                .map(FocusGazetteer.Focus::label).orElse(null);
    }

    @Test
    void topicsAreCutIntoSubjectPhrases() {
        assertEquals(Set.of("swine flu", "h1n1 flu"), gazetteer.keys("Swine flu (H1N1 flu) (Symptoms)"));
        assertEquals(Set.of("diabet"), gazetteer.keys("Causes of Diabetes"));
        assertEquals(Set.of(), gazetteer.keys("Frequently Asked Questions"), "a page label names no subject");
    }

    @Test
    void aHeadingUnderItsParentNamesItsOwnSubject() {
        FocusGazetteer headings = FocusGazetteer.build(List.of("The Role of Specific Nutrient Deficiencies › Magnesium"),
                NutrientLexicon.loadDefault(), SynonymCoverage.NONE, words);
        assertEquals(Set.of("role specif nutrient defici", "magnesium"),
                headings.keys("The Role of Specific Nutrient Deficiencies › Magnesium"),
                "the parent heading and the section's own are two subjects, not one run across the separator");
    }

    @Test
    void aLoneLetterIsNoSubject() {
        FocusGazetteer withColi = FocusGazetteer.build(List.of("E. coli (Causes)", "Hepatitis E"),
                NutrientLexicon.loadDefault(), SynonymCoverage.NONE, words);
        assertEquals(Set.of("coli"), withColi.keys("E. coli"), "the \"E\" left of the full stop is not filed");
        assertEquals(Set.of("hepat e"), withColi.keys("Hepatitis E"), "a letter inside a name is");
        assertEquals(Set.of(), withColi.keys("please add my e-mail id"));
    }

    @Test
    void thePortalsOwnSubjectsAreFoundInsideLongerNames() {
        FocusGazetteer headings = FocusGazetteer.build(List.of("Potassium's Role in Nerve Signals"),
                NutrientLexicon.loadDefault(), SynonymCoverage.loadDefault(words), words);
        assertEquals(Set.of("potassium role nerv signal"), headings.keys("Potassium's Role in Nerve Signals"),
                "the heading is filed as a subject of its own");
        assertEquals(Set.of("potassium"), headings.lexiconKeys("Potassium's Role in Nerve Signals"));
        assertEquals(headings.lexiconKeys("magnesium leg cramps"), headings.lexiconKeys("Magnesium for charley horses"),
                "a consumer phrase inside a name counts as the subject it names");
        assertEquals(Set.of(), headings.lexiconKeys("When to See a Doctor"));
    }

    @Test
    void wordFormsOfTheSynonymFileNameNoSubjectButCoverWords() {
        assertEquals(Set.of(), gazetteer.keys("calves"), "a body part is not what a question is about");
        assertEquals(null, focus("why do my calves hurt"));
        assertEquals("calf cramp", focus("why do my calves cramp"),
                "a calf cramp is a subject of the synonym file (one way: a kind of leg cramp)");
        SynonymCoverage synonyms = SynonymCoverage.loadDefault(words);
        assertEquals(Set.of("calv"), synonyms.covered(words.terms("cramps in my calves"), Set.of("calf", "cramp")),
                "a unit that says \"calf\" covers \"calves\"");
    }

    @Test
    void theLongestSubjectAQuestionNamesIsItsFocus() {
        assertEquals("flu", focus("What are the symptoms of Flu?"));
        assertEquals("swine flu", focus("how is swine flu treated"));
        assertEquals("heart attack", focus("How to diagnose Heart Attack?"));
        assertEquals("sickle cell anemia", focus("what is sickle cell anemia"));
        assertEquals("tetralogy of fallot", focus("is tetralogy of fallot inherited"));
    }

    @Test
    void misspellingsAndConsumerWordsFindTheSubject() {
        assertEquals("diabetes", focus("how can i prevent diabetis"));
        assertEquals("heart attack", focus("signs of a hart attack"));
        assertEquals(gazetteer.keys("leg cramps"), gazetteer.keys("charley horse"), "a consumer's word for the clinical one");
    }

    @Test
    void aCommonEnglishWordIsCorrectedOnlyWhereItCompletesASubject() {
        FocusGazetteer painAndTime = FocusGazetteer.build(List.of("Heart Attack", "Leg pain", "Pain", "Time"),
                NutrientLexicon.loadDefault(), SynonymCoverage.NONE, words);
        assertEquals(List.of("plain", "water"), painAndTime.terms("is plain water enough", Set.of()),
                "\"plain\" is one edit from the filed \"pain\", but meant as typed");
        assertEquals(List.of("chang", "car", "tire"), painAndTime.terms("how to change a car tire", Set.of("chang")));
        assertEquals(List.of("sign", "heart", "attack"), painAndTime.terms("signs of a hart attack", Set.of()),
                "\"hart\" is an English word, and \"heart attack\" a filed subject");
        assertEquals(List.of("heart", "attack"), painAndTime.terms("heart attak", Set.of()),
                "a word that is no English word is corrected as before");
    }

    @Test
    void aSubjectOnlyTheSynonymsNameIsNamedAsTheyWriteItNotByAnAbbreviation() {
        // "rls, restless legs syndrome, …": filed under "rls", named by its first phrase that says it in words
        assertEquals("restless legs syndrome", focus("can not having enough iron give me restless legs?"));
        assertEquals("restless legs syndrome", focus("is RLS worse at night"));
    }

    @Test
    void aNutrientWinsOverAnotherSubjectOfEqualLength() {
        FocusGazetteer withDoctor = FocusGazetteer.build(List.of("When to see a Doctor"), NutrientLexicon.loadDefault(),
                SynonymCoverage.NONE, words);
        String focus = withDoctor.focusOf(withDoctor.subjects(withDoctor.terms(
                "is it safe to take potassium pills without asking a doctor", Set.of())), false)
                .map(FocusGazetteer.Focus::key).orElseThrow();
        assertEquals("potassium", focus);
    }

    @Test
    void wordsTheCorpusUsesAreNeverCorrected() {
        List<String> terms = gazetteer.terms("diabetis", Set.of("diabeti"));
        assertEquals(List.of("diabeti"), terms);
        assertTrue(gazetteer.subjects(terms).isEmpty());
    }
}
