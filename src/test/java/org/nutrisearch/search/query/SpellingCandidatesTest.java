package org.nutrisearch.search.query;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
