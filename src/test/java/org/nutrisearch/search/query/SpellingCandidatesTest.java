package org.nutrisearch.search.query;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** Which words may be corrected, and how far a correction is. */
class SpellingCandidatesTest {

    @Test
    void distanceCountsAnAdjacentSwapAsOneEdit() {
        assertEquals(1, SpellingCandidates.distance("b21", "b12"));
        assertEquals(1, SpellingCandidates.distance("cramsp", "cramps"));
        assertEquals(1, SpellingCandidates.distance("calcuim", "calcium"));
        assertEquals(1, SpellingCandidates.distance("magnesum", "magnesium"));
        assertEquals(1, SpellingCandidates.distance("restles", "restless"));
        assertEquals(1, SpellingCandidates.distance("defficiency", "deficiency"));
        assertEquals(3, SpellingCandidates.distance("kitten", "sitting"));
        assertEquals(0, SpellingCandidates.distance("iron", "iron"));
    }

    @Test
    void shortWordsAndNumbersAreNotCorrected() {
        assertEquals(0, SpellingCandidates.maxEdits(2));
        assertEquals(1, SpellingCandidates.maxEdits(3));
        assertEquals(1, SpellingCandidates.maxEdits(5));
        assertEquals(2, SpellingCandidates.maxEdits(6));
        assertFalse(SpellingCandidates.correctable("d"));
        assertFalse(SpellingCandidates.correctable("2023"));
        assertTrue(SpellingCandidates.correctable("b21"));
        assertTrue(SpellingCandidates.correctable("magnesum"));
    }

    @Test
    void candidatesAreMoreCommonNearWordsBestFirst() {
        ListVocabulary words = new ListVocabulary().word("magnesium", 40).word("magnesia", 2).word("manganese", 9);
        List<SpellingCandidates.Candidate> found = SpellingCandidates.of(words, "magnesum", 8);
        assertEquals(List.of("magnesium", "magnesia"), found.stream().map(SpellingCandidates.Candidate::word).toList());
        assertEquals(new SpellingCandidates.Candidate("magnesium", 1 - 1f / 8, 1, 40), found.get(0));
    }

    @Test
    void aWordLongerThanAnyRealWordIsNotLookedUp() {
        // A valid query of one 490-letter word used to cost nine ordinary searches, spent looking for
        // its corrections: now it is not looked up at all, whatever the index holds.
        String indexed = "a".repeat(40);
        ListVocabulary words = new ListVocabulary().word(indexed, 5).word("a".repeat(29) + "b", 5);
        assertEquals(List.of(), SpellingCandidates.of(words, "a".repeat(39) + "c", 8));
        assertEquals(List.of(), SpellingCandidates.of(words, "a".repeat(490), 8));
        assertEquals(0, words.nearCalls);
        assertEquals(1, SpellingCandidates.of(words, "a".repeat(30), 8).size(), "30 letters are still corrected");
        assertEquals(1, words.nearCalls);
    }

    @Test
    void aCommonEnglishWordIsMeantAsTypedEvenWhenTheIndexLacksIt() {
        // "is plain water enough" and "change a car tire" over a corpus about cramps: "plain" and "tire"
        // are in no unit, and "pain" and "time" are one edit away; they were asked as typed.
        ListVocabulary words = new ListVocabulary().word("pain", 60).word("time", 30).word("magnesium", 40);
        assertEquals(List.of(), SpellingCandidates.of(words, "plain", 8));
        assertEquals(List.of(), SpellingCandidates.of(words, "tire", 8));
        assertEquals(List.of("pain"), SpellingCandidates.of(words, "pian", 8).stream()
                .map(SpellingCandidates.Candidate::word).toList(), "a misspelling is still corrected");
        assertEquals(List.of("magnesium"), SpellingCandidates.of(words, "magnesum", 8).stream()
                .map(SpellingCandidates.Candidate::word).toList());
    }

    @Test
    void aQueryTheIndexKnowsNoWordOfMayHaveItsEnglishWordsCorrected() {
        // "hart attack" over articles that say "heart" but neither "hart" nor "attack": taken as typed it
        // finds nothing, so the planner asks with englishAsTyped false.
        ListVocabulary words = new ListVocabulary().word("heart", 12).word("pain", 60);
        assertEquals(List.of(), SpellingCandidates.of(words, "hart", 8, () -> true));
        assertEquals(List.of("heart"), SpellingCandidates.of(words, "hart", 8, () -> false).stream()
                .map(SpellingCandidates.Candidate::word).toList());
    }

    @Test
    void theEnglishWordListHoldsWordsAndNotTheirMisspellings() {
        assertTrue(EnglishWords.contains("plain"));
        assertTrue(EnglishWords.contains("pregnant"));
        assertFalse(EnglishWords.contains("magnesum"));
        assertFalse(EnglishWords.contains("cramsp"));
        assertFalse(EnglishWords.contains("defficiency"));
        assertFalse(EnglishWords.contains("#"), "comment lines are not words");
    }
}
