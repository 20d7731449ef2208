package org.nutrisearch.answer;

import org.nutrisearch.nutrients.NutrientLexicon;
import org.junit.jupiter.api.Test;
import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.TextAnalyzers;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.Snippet;
import org.nutrisearch.search.query.QuestionWords;

/** The features a candidate's confidence is computed from, and the logistic that combines them. */
class AnswerFeatureExtractorTest {

    private final QuestionWords words = new QuestionWords(TextAnalyzers.english());
    private final AnswerFeatureExtractor extractor = new AnswerFeatureExtractor(SynonymCoverage.loadDefault(words));

    private final FocusGazetteer noSubjects = FocusGazetteer.build(List.of(), NutrientLexicon.loadDefault(),
            SynonymCoverage.NONE, words);

    /** Features of search hits for a question that names no known subject and asks no known type. */
    private List<AnswerFeatures> extract(AnswerFeatureExtractor.Weights w, Set<String> nutrients, List<SearchHit> hits) {
        QuestionAnalysis plain = new QuestionAnalysis("q", "q", false, null, Set.of(), words.of("q"), List.of());
        List<UnitTraits> traits = traits(hits);
        return extractor.extract(plain, traits, w, nutrients, hits, hits.size());
    }

    /** Each hit's traits, read with no subjects filed. */
    private List<UnitTraits> traits(List<SearchHit> hits) {
        return hits.stream().map(h -> UnitTraits.of(h.unit(), noSubjects, words)).toList();
    }

    /** A short question read as asking {@code type}, about no subject the gazetteer files. */
    private QuestionAnalysis asked(String question, QuestionType type) {
        return new QuestionAnalysis(question, question, false, null, Set.of(type), words.of(question), List.of());
    }

    private static SearchHit hit(UnitKind kind, String heading, String text, List<String> nutrients, float score) {
        Unit unit = new Unit("a#" + kind.apiName() + "-1", kind, "a", "Title", "corpus/a.txt", heading, null, text);
        return new SearchHit(unit, new Snippet(text, List.of()), nutrients, score);
    }

    @Test
    void rareWordsWeighMostAndUnseenWordsMostOfAll() {
        AnswerFeatureExtractor.Weights w = AnswerFeatureExtractor.weights(List.of("cramp", "banana", "acn"),
                Map.of("cramp", 94, "banana", 12), 138);
        assertEquals(Math.log(1 + (138 - 94 + 0.5) / 94.5), w.byTerm().get("cramp"), 1e-9);
        assertEquals(Math.log(1 + (138 - 12 + 0.5) / 12.5), w.byTerm().get("banana"), 1e-9);
        assertEquals(Math.log(1 + 138.5 / 0.5), w.byTerm().get("acn"), 1e-9);
        assertEquals(w.unseen(), w.byTerm().get("acn"), 1e-9);

        AnswerFeatureExtractor.Weights flat = AnswerFeatureExtractor.weights(List.of("cramp", "acn"), Map.of(), 0);
        assertEquals(Map.of("cramp", 1.0, "acn", 1.0), flat.byTerm(), "unknown frequencies weigh every word the same");
    }

    @Test
    void lengthGrowsWithTheLogarithmOfTheWordsUpToAThousand() {
        assertEquals(0.0, AnswerFeatureExtractor.length(""), 1e-12);
        assertEquals(0.0, AnswerFeatureExtractor.length("  \n "), 1e-12);
        assertEquals(Math.log(4) / Math.log(1001), AnswerFeatureExtractor.length(" Bananas  ease\ncramps. "), 1e-12);
        assertEquals(1.0, AnswerFeatureExtractor.length("word ".repeat(1000)), 1e-12);
        assertEquals(1.0, AnswerFeatureExtractor.length("word ".repeat(5000)), 1e-12, "capped");
    }

    @Test
    void theLongestCandidateHasLengthZeroAndShorterOnesLessByTheirLogLength() {
        AnswerFeatureExtractor.Weights w = new AnswerFeatureExtractor.Weights(Map.of("cramp", 1.0), 4.0);
        SearchHit brief = hit(UnitKind.FAQ, "Frequently Asked Questions", "Stretch your cramps.", List.of(), 10f);
        SearchHit full = hit(UnitKind.SECTION, "Cramps",
                "Stretch the calf when cramps start, then walk a little and drink water.", List.of(), 8f);
        List<AnswerFeatures> f = extract(w, Set.of(), List.of(brief, full));

        assertEquals((Math.log(4) - Math.log(14)) / Math.log(1001), f.get(0).length(), 1e-12, "3 words against 13");
        assertEquals(0.0, f.get(1).length(), 1e-12);
        assertEquals(0.0, extract(w, Set.of(), List.of(brief)).get(0).length(), 1e-12, "alone, it is the longest");
    }

    @Test
    void coverageCountsTheWholeUnitAndWindowTheBestTwoSentences() {
        AnswerFeatureExtractor.Weights w = new AnswerFeatureExtractor.Weights(Map.of("banana", 2.0, "cramp", 1.0), 4.0);
        SearchHit together = hit(UnitKind.FAQ, "Frequently Asked Questions",
                "Bananas are rich in potassium. They may ease cramps. Drink water.", List.of("potassium"), 10f);
        SearchHit apart = hit(UnitKind.SECTION, "Diet",
                "Bananas are rich in potassium. Spinach is too. Nuts are fine. Cramps come at night.", List.of(), 8f);
        SearchHit half = hit(UnitKind.TABLE, "Foods", "Cramps: stretch first.", List.of(), 5f);
        List<AnswerFeatures> f = extract(w, Set.of("potassium", "magnesium"), List.of(together, apart, half));

        assertEquals(1.0, f.get(0).coverage(), 1e-9);
        assertEquals(1.0, f.get(0).window(), 1e-9);
        assertEquals(0.75, f.get(0).evidence(), 1e-9, "(2 + 1) / 4");
        assertEquals(0.5, f.get(0).nutrientMiss(), 1e-9, "magnesium is named but not mentioned");
        assertEquals(1.0, f.get(0).faq(), 1e-9);
        assertEquals(1.0, f.get(0).relScore(), 1e-9);
        assertEquals(0.2, f.get(0).lead(), 1e-6, "(10 - 8) / 10");

        assertEquals(1.0, f.get(1).coverage(), 1e-9);
        assertEquals(2.0 / 3, f.get(1).window(), 1e-9, "no two sentences in a row hold both words");
        assertEquals(0.8, f.get(1).relScore(), 1e-6);
        assertEquals(-0.2, f.get(1).lead(), 1e-6);
        assertEquals(0.0, f.get(1).faq(), 1e-9);
        assertEquals(0.0, f.get(1).nutrientMiss() - 1.0, 1e-9, "the section mentions neither nutrient");

        assertEquals(1.0 / 3, f.get(2).coverage(), 1e-9);
        assertEquals(-0.5, f.get(2).lead(), 1e-6);
    }

    @Test
    void aSectionHeadingFramesEverySentenceButFaqHeadingsDoNot() {
        AnswerFeatureExtractor.Weights w = new AnswerFeatureExtractor.Weights(Map.of("potassium", 1.0, "food", 1.0), 4.0);
        SearchHit section = hit(UnitKind.SECTION, "Potassium", "Eat more foods like beans.", List.of(), 1f);
        SearchHit faq = hit(UnitKind.FAQ, "Potassium", "Eat more foods like beans.", List.of(), 1f);
        List<AnswerFeatures> f = extract(w, Set.of(), List.of(section, faq));
        assertEquals(1.0, f.get(0).window(), 1e-9);
        assertEquals(0.5, f.get(1).window(), 1e-9);
    }

    @Test
    void aUnitThatListsFoodsAnswersAQuestionAboutFoodSources() {
        AnswerFeatureExtractor.Weights w = new AnswerFeatureExtractor.Weights(Map.of("food", 1.0, "magnesium", 1.0), 4.0);
        SearchHit list = hit(UnitKind.SECTION, "Magnesium",
                "Rich food sources: spinach, pumpkin seeds, almonds and black beans.", List.of("magnesium"), 2f);
        SearchHit mention = hit(UnitKind.SECTION, "Magnesium",
                "Eat a range of magnesium-rich foods, such as spinach.", List.of("magnesium"), 3f);
        SearchHit symptoms = new SearchHit(new Unit("a#faq-2", UnitKind.FAQ, "a", "Title", "corpus/a.txt", "FAQ",
                "What are the symptoms of low magnesium?", "Cramps, spinach cravings, beans and nuts."),
                new Snippet("", List.of()), List.of("magnesium"), 1f);
        List<SearchHit> hits = List.of(list, mention, symptoms);
        List<UnitTraits> traits = traits(hits);
        assertEquals(List.of(5, 1, 3), traits.stream().map(UnitTraits::foods).toList());

        QuestionAnalysis foods = asked("what foods are high in magnesium", QuestionType.FOOD_SOURCES);
        List<AnswerFeatures> f = extractor.extract(foods, traits, w, Set.of("magnesium"), hits, hits.size());
        assertEquals(1.0, f.get(0).typeMatch(), 1e-9, "five foods named: a list of sources");
        assertEquals(0.0, f.get(0).typeConflict(), 1e-9);
        assertEquals(0.0, f.get(1).typeMatch(), 1e-9, "one food in passing is no list");
        assertEquals(0.0, f.get(1).typeConflict(), 1e-9, "a heading that asks nothing conflicts with no type");
        assertEquals(1.0, f.get(2).typeMatch(), 1e-9, "its foods answer, whatever its own question asks");
        assertEquals(0.0, f.get(2).typeConflict(), 1e-9);

        QuestionAnalysis symptomsAsked = asked("signs of low magnesium", QuestionType.SYMPTOMS);
        List<AnswerFeatures> g = extractor.extract(symptomsAsked, traits, w, Set.of("magnesium"), hits, hits.size());
        assertEquals(0.0, g.get(0).typeMatch(), 1e-9, "a list of foods does not answer another type");
        assertEquals(0.0, g.get(0).typeConflict(), 1e-9, "nor conflicts with it");
        assertEquals(1.0, g.get(2).typeMatch(), 1e-9);
    }

    @Test
    void lifestyleChangesAnswerAQuestionAboutPreventionInPart() {
        AnswerFeatureExtractor.Weights w = new AnswerFeatureExtractor.Weights(Map.of("stretch", 1.0, "cramp", 1.0), 4.0);
        SearchHit lifestyle = hit(UnitKind.SECTION, "Lifestyle Changes",
                "Stretch regularly before bed to help prevent cramps.", List.of(), 3f);
        SearchHit causes = hit(UnitKind.SECTION, "What Causes Cramps", "Cramps follow long effort.", List.of(), 2f);
        List<SearchHit> hits = List.of(lifestyle, causes);
        List<UnitTraits> traits = traits(hits);
        assertEquals(Set.of(QuestionType.CONSIDERATIONS), traits.get(0).types());

        QuestionAnalysis prevent = asked("can stretching prevent cramps", QuestionType.PREVENTION);
        List<AnswerFeatures> f = extractor.extract(prevent, traits, w, Set.of(), hits, hits.size());
        assertEquals(0.0, f.get(0).typeConflict(), 1e-9, "what to change in daily life is part of preventing");
        assertEquals(0.0, f.get(0).typeMatch(), 1e-9, "but not the type asked");
        assertEquals(1.0, f.get(1).typeConflict(), 1e-9, "causes are not prevention");
    }

    @Test
    void aTextThatNamesNoFoodDoesNotAnswerAQuestionAboutFoods() {
        AnswerFeatureExtractor.Weights w = new AnswerFeatureExtractor.Weights(Map.of("food", 1.0, "potassium", 1.0), 4.0);
        SearchHit noFood = hit(UnitKind.SECTION, "Potassium",
                "Potassium helps muscles contract; low levels cause cramps.", List.of("potassium"), 3f);
        SearchHit oneFood = hit(UnitKind.SECTION, "Potassium",
                "Potassium, found in bananas, helps muscles contract.", List.of("potassium"), 2f);
        List<SearchHit> hits = List.of(noFood, oneFood);
        List<UnitTraits> traits = traits(hits);
        assertEquals(List.of(0, 1), traits.stream().map(UnitTraits::foods).toList());

        QuestionAnalysis foods = asked("which foods have the most potassium", QuestionType.FOOD_SOURCES);
        List<AnswerFeatures> f = extractor.extract(foods, traits, w, Set.of("potassium"), hits, hits.size());
        assertEquals(1.0, f.get(0).typeConflict(), 1e-9, "asked for foods, it names none");
        assertEquals(0.0, f.get(1).typeConflict(), 1e-9, "a food it names may be the answer");
        assertEquals(0.0, f.get(1).typeMatch(), 1e-9, "one food is no list");

        QuestionAnalysis causes = asked("why does low potassium cause cramps", QuestionType.CAUSES);
        assertEquals(0.0, extractor.extract(causes, traits, w, Set.of("potassium"), hits, hits.size()).get(0).typeConflict(),
                1e-9, "naming no food says nothing against another type");
    }

    @Test
    void wordFamiliesJoinFormsTheStemmerLeftApart() {
        assertTrue(AnswerFeatureExtractor.sameFamily("absorb", "absorpt"));
        assertTrue(AnswerFeatureExtractor.sameFamily("pregnant", "pregnanc"));
        assertFalse(AnswerFeatureExtractor.sameFamily("calf", "calv"), "too short to tell");
        assertFalse(AnswerFeatureExtractor.sameFamily("magnesium", "manganes"));
        assertFalse(AnswerFeatureExtractor.sameFamily("vitamin", "vital"));
        assertEquals(Set.of("absorb", "magnesium"),
                extractor.covered(List.of("bodi", "absorb", "magnesium"), Set.of("improv", "magnesium", "absorpt")));
    }

    @Test
    void similarityAndItsLeadComeFromTheHitsCosines() {
        AnswerFeatureExtractor.Weights w = new AnswerFeatureExtractor.Weights(Map.of("banana", 1.0), 4.0);
        Unit a = new Unit("a#faq-1", UnitKind.FAQ, "a", "Title", "corpus/a.txt", "FAQ", null, "Bananas.");
        Unit b = new Unit("a#faq-2", UnitKind.FAQ, "a", "Title", "corpus/a.txt", "FAQ", null, "Spinach.");
        Unit c = new Unit("a#faq-3", UnitKind.FAQ, "a", "Title", "corpus/a.txt", "FAQ", null, "Nuts.");
        List<SearchHit> hits = List.of(
                new SearchHit(a, new Snippet("Bananas.", List.of()), List.of(), 0.03f, 0.70f),
                new SearchHit(b, new Snippet("Spinach.", List.of()), List.of(), 0.02f, 0.80f),
                new SearchHit(c, new Snippet("Nuts.", List.of()), List.of(), 0.01f, 0.75f));
        List<AnswerFeatures> f = extract(w, Set.of(), hits);
        assertEquals(0.70, f.get(0).similarity(), 1e-6);
        assertEquals(0.70 - 0.80, f.get(0).similarityLead(), 1e-6, "trails the most similar");
        assertEquals(0.80 - 0.75, f.get(1).similarityLead(), 1e-6, "the most similar leads the runner-up");
        assertEquals(0.75 - 0.80, f.get(2).similarityLead(), 1e-6);

        List<AnswerFeatures> lexical = extract(w, Set.of(),
                List.of(hit(UnitKind.FAQ, "FAQ", "Bananas.", List.of(), 3f), hit(UnitKind.SECTION, "X", "Nuts.", List.of(), 1f)));
        assertEquals(0.0, lexical.get(0).similarity());
        assertEquals(0.0, lexical.get(0).similarityLead());
    }
}
