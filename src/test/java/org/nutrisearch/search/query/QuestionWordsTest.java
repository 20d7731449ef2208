package org.nutrisearch.search.query;

import org.junit.jupiter.api.Test;
import org.nutrisearch.index.TextAnalyzers;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.answer.SynonymCoverage;

/** What a chatbot question is about, and synonym coverage over analysed terms. */
class QuestionWordsTest {

    private final QuestionWords words = new QuestionWords(TextAnalyzers.english());

    @Test
    void questionWordsPronounsAndVagueVerbsAreDropped() {
        QuestionWords.Content c = words.of("Will eating bananas stop my cramps?");
        assertEquals(List.of("eating", "bananas", "cramps"), c.words());
        assertEquals(List.of("eat", "banana", "cramp"), c.terms());
        assertEquals("eating bananas cramps", c.text());
    }

    @Test
    void howMuchAFoodHoldsSaysNothingAboutWhatIsAsked() {
        assertEquals(List.of("food", "magnesium"), words.of("What foods are high in magnesium?").terms());
        assertEquals(List.of("food", "calcium"), words.of("which foods contain calcium").terms());
        assertEquals(List.of("food", "iron"), words.of("foods rich in iron").terms());
        assertEquals(List.of("high", "blood", "pressur"), words.of("what is high blood pressure").terms(),
                "\"high\" names the condition when no \"in\" follows");
    }

    @Test
    void whatSomethingFeelsLikeAsksForSymptomsNotForTheWordsFeelAndLike() {
        assertEquals(List.of("b12", "defici", "leg"), words.of("what does b12 deficiency feel like in the legs").terms());
        assertEquals(List.of("rash"), words.of("what does a rash look like").terms());
        assertEquals(List.of("feel", "tire"), words.of("why do i feel tired").terms(),
                "\"feel\" stays when no \"like\" follows");
    }

    @Test
    void apostrophesQuotesAndHyphensAreHandled() {
        QuestionWords.Content c = words.of("I’m vegan, do I need to worry about 'B12' and calf-cramps?");
        assertEquals(List.of("vegan", "b12", "calf-cramps"), c.words());
        assertEquals(List.of("vegan", "b12", "calf", "cramp"), c.terms());
    }

    @Test
    void aQuestionOfNothingButQuestionWordsIsEmpty() {
        assertTrue(words.of("what is it? how can i?").isEmpty());
        assertTrue(words.of("").isEmpty());
        assertTrue(words.of(null).isEmpty());
        assertTrue(words.of("?!…").isEmpty());
    }

    @Test
    void synonymsCoverAQuestionPhraseSaidAnotherWay() {
        SynonymCoverage synonyms = SynonymCoverage.loadDefault(words);
        List<String> asked = words.of("can low magnesium give me cramps in bed").terms();
        assertEquals(List.of("low", "magnesium", "cramp", "bed"), asked);
        assertEquals(Set.of("low", "magnesium"), synonyms.covered(asked, Set.of("magnesium", "defici", "cramp")));
        assertEquals(Set.of(), synonyms.covered(asked, Set.of("magnesium", "cramp")), "the unit must say the whole phrase");
        assertEquals(Set.of("low", "potassium"),
                synonyms.covered(words.of("is low potassium bad").terms(), Set.of("hypokalemia")));
    }

    @Test
    void aOneWayRuleCoversOnlyFromLeftToRight() throws Exception {
        SynonymCoverage oneWay = SynonymCoverage.parse(new java.io.StringReader(
                "# comment\n\nberiberi => beriberi, thiamine deficiency\n"), words);
        assertEquals(Set.of("beriberi"), oneWay.covered(List.of("beriberi"), Set.of("thiamin", "defici")));
        assertEquals(Set.of(), oneWay.covered(List.of("thiamin", "defici"), Set.of("beriberi")));
        assertEquals(Set.of(), SynonymCoverage.NONE.covered(List.of("beriberi"), Set.of("thiamin", "defici")));
    }
}
