package org.nutrisearch.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentenceSplitterTest {

    @Test
    void splitsAfterStopsFollowedBySpaceAndAtLineBreaks() {
        assertEquals(List.of("Low magnesium causes cramps.", "Eat nuts!", "Why?", "(See the table.)", "Then rest"),
                SentenceSplitter.split("Low magnesium causes cramps. Eat nuts! Why? (See the table.) Then rest"));
        assertEquals(List.of("First line", "second line."), SentenceSplitter.split("First line\n\n  second line.  "));
    }

    @Test
    void keepsDecimalsAndDotsInsideWords() {
        assertEquals(List.of("Adults need 2.4 mcg of vitamin B12 a day.", "See nih.gov for more."),
                SentenceSplitter.split("Adults need 2.4 mcg of vitamin B12 a day. See nih.gov for more."));
    }

    @Test
    void emptyAndBlankTextHaveNoSentences() {
        assertEquals(List.of(), SentenceSplitter.split(""));
        assertEquals(List.of(), SentenceSplitter.split(" \n \n"));
    }
}
