package org.nutrisearch.answer;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Misspelled words that say what is asked, read as meant; everything else as typed. */
class CueWordSpellingTest {

    @Test
    void aMisspelledCueWordIsReadAsTheWordItMisspells() {
        assertEquals("magnesum deficiency symptoms", CueWordSpelling.corrected("magnesum defficiency simptoms", w -> false),
                "the subject word is the gazetteer's to correct");
        assertEquals("What are the signs of B12 deficiency?",
                CueWordSpelling.corrected("What are the sighns of B12 defficiency?", w -> false));
        assertEquals("how to prevent night cramps", CueWordSpelling.corrected("how to prevnt night cramps", w -> false));
    }

    @Test
    void englishWordsCorpusWordsAndShortWordsStayAsTyped() {
        assertEquals("how do I reset my wifi router", CueWordSpelling.corrected("how do I reset my wifi router", w -> false),
                "\"router\" is one edit from no cue word; \"routes\" is no cue word either");
        assertEquals("is coffee bad for pregnant women", CueWordSpelling.corrected("is coffee bad for pregnant women", w -> false));
        assertEquals("simptoms", CueWordSpelling.corrected("simptoms", Set.of("simptoms")::contains),
                "a word the corpus uses is meant");
        assertEquals("sign", CueWordSpelling.corrected("sign", w -> false));
    }

    @Test
    void aWordEquallyNearTwoCueWordsIsLeftAlone() {
        assertEquals("symptom", CueWordSpelling.nearest("symptomz"), "as near \"symptoms\": one word's two forms");
        assertNull(CueWordSpelling.nearest("symptomx" + "yz"), "three edits from any cue word");
        assertNull(CueWordSpelling.nearest("causeds"), "one edit from both \"causes\" and \"caused\"");
    }
}
