package org.nutrisearch.search.query;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The word a zero-result search probably meant, read from a vocabulary (the OpenSearch backend's way). */
class VocabularyNearestWordTest {

    private final ListVocabulary vocabulary = new ListVocabulary()
            .word("magnesium", 40).word("magnesia", 1).word("cramps", 30).word("cramp", 12).word("iron", 9);

    @Test
    void aMissingWordFindsItsMostSimilarNeighbourThenTheOneInMostUnits() {
        assertEquals(Optional.of("magnesium"), VocabularyNearestWord.find(vocabulary, "magnesum"));
        // "cramsp": "cramps" (a transposition) and "cramp" (a deletion) are one edit away; the longer
        // word is the more similar (1 - 1/6 against 1 - 1/5).
        assertEquals(Optional.of("cramps"), VocabularyNearestWord.find(vocabulary, "cramsp at night"));
    }

    @Test
    void wordsAllHeldGiveTheFirstAndAWordWithNoNeighbourNothing() {
        assertEquals(Optional.of("iron"), VocabularyNearestWord.find(vocabulary, "the iron cramps"));
        assertEquals(Optional.empty(), VocabularyNearestWord.find(vocabulary, "xyzzy"));
        assertEquals(Optional.empty(), VocabularyNearestWord.find(vocabulary, "iron xyzzy"),
                "a missing word without a neighbour: the search found nothing for a word the corpus lacks");
    }

    @Test
    void stopWordsShortWordsAndExcludedWordsAreNotLookedUp() {
        assertEquals(Optional.empty(), VocabularyNearestWord.find(vocabulary, "the of an"));
        assertEquals(Optional.of("magnesium"), VocabularyNearestWord.find(vocabulary, "magnesum -iron"));
        ListVocabulary counted = new ListVocabulary().word("iron", 1);
        VocabularyNearestWord.find(counted, "ab " + "a".repeat(31));
        assertEquals(0, counted.nearCalls, "under three or over thirty letters: no lookup");
    }
}
