package org.nutrisearch.opensearch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkedFragmentTest {

    @Test
    void removesTagsAndKeepsMarkedRangesAsOffsetsIntoThePlainText() {
        MarkedFragment f = MarkedFragment.parse("Low \u0002magnesium\u0003 causes \u0002leg\u0003 \u0002cramps\u0003.");
        assertEquals("Low magnesium causes leg cramps.", f.text());
        assertEquals(List.of(new MarkedFragment.Span(4, 13), new MarkedFragment.Span(21, 24),
                new MarkedFragment.Span(25, 31)), f.marks());
        assertEquals("magnesium", f.text().substring(4, 13));
    }

    @Test
    void textWithoutMarksHasNoSpans() {
        MarkedFragment f = MarkedFragment.parse("Red meat, lentils & spinach <raw>.");
        assertEquals("Red meat, lentils & spinach <raw>.", f.text());
        assertEquals(List.of(), f.marks());
    }
}
