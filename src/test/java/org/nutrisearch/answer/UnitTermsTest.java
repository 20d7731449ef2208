package org.nutrisearch.answer;

import org.junit.jupiter.api.Test;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.query.QuestionWords;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unit's terms as the features read them, kept once per unit with its traits. */
class UnitTermsTest {

    private final QuestionWords words = new QuestionWords(TextAnalyzers.english());
    private final FocusGazetteer noSubjects = FocusGazetteer.build(List.of(), NutrientLexicon.loadDefault(),
            SynonymCoverage.NONE, words);

    private static Unit section(String id, String heading, String text) {
        return new Unit(id, UnitKind.SECTION, "a", "Title", "corpus/a.txt", heading, null, text);
    }

    /** Each sentence's terms, as words (sorted within a sentence). */
    private static List<Set<String>> sentences(UnitTerms t) {
        List<Set<String>> out = new ArrayList<>();
        for (int s = 0; s < t.sentences(); s++) {
            Set<String> terms = new TreeSet<>();
            for (int k = t.sentenceStart(s); k < t.sentenceEnd(s); k++) {
                terms.add(t.term(t.sentenceTerm(k)));
            }
            out.add(terms);
        }
        return out;
    }

    @Test
    void theContextAndEachSentenceWithTermsAreKeptOnceAsIndexesIntoTheDistinctTerms() {
        UnitTerms t = UnitTerms.of(section("a#section-1", "Leg cramps",
                "Bananas are rich in potassium. Potassium eases cramps!\n- and the\nDrink water."), words,
                UnaryOperator.identity());
        assertEquals(List.of("banana", "cramp", "drink", "eas", "leg", "potassium", "rich", "water"),
                List.of(t.all().toArray(String[]::new)));
        assertEquals(8, t.size());
        List<String> context = new ArrayList<>();
        for (int i : t.context()) {
            context.add(t.term(i));
        }
        assertEquals(List.of("cramp", "leg"), context);
        // "- and the" has no terms (stop words) and is no sentence.
        assertEquals(List.of(Set.of("banana", "potassium", "rich"), Set.of("cramp", "eas", "potassium"),
                Set.of("drink", "water")), sentences(t));
        assertTrue(t.all().contains("water"));
        assertFalse(t.all().contains("wat"));
        // 4 headers + 16, and 4 bytes each: 8 terms, 2 context terms, 8 sentence terms, 4 sentence starts.
        assertEquals(80 + 4 * (8 + 2 + 8 + 4), t.bytes());
    }

    @Test
    void aUnitWithoutTextHasItsContextAlone() {
        UnitTerms t = UnitTerms.of(section("a#section-2", "Iron", ""), words, UnaryOperator.identity());
        assertEquals(Set.of("iron"), t.all());
        assertEquals(0, t.sentences());
    }

    @Test
    void aUnitMetAgainIsNotReadAgainAndItsTermsAreSharedStrings() {
        UnitTraits.Cache cache = new UnitTraits.Cache(noSubjects, words);
        Unit first = section("a#section-1", "Cramps", "Magnesium eases cramps.");
        UnitTraits traits = cache.of(first);
        assertSame(traits, cache.of(section("a#section-1", "Cramps", "Magnesium eases cramps.")));
        UnitTraits other = cache.of(section("b#section-1", "Cramps at night", "Cramps wake people."));
        assertSame(traits.terms().term(0), other.terms().term(0), "cramp: one string for both units");
        UnitTraits edited = cache.of(section("a#section-1", "Cramps", "Magnesium eases leg cramps."));
        assertNotSame(traits, edited, "an edited unit is read again");
        assertEquals(Set.of("cramp", "eas", "leg", "magnesium"), edited.terms().all());
    }
}
