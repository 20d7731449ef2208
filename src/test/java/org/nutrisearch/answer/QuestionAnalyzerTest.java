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
        return analyzer.analyse(question, gazetteer, terms -> Map.of());
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
}
