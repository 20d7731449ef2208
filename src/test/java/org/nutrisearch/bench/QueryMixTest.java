package org.nutrisearch.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryMixTest {

    private final QueryMix mix = QueryMix.load();

    @Test
    void everyCategoryHasQueriesAndTheMixHasThemAll() {
        int total = 0;
        for (String category : QueryMix.CATEGORIES) {
            int n = mix.queries(category).size();
            assertTrue(n >= 8, category + " has " + n);
            total += n;
        }
        assertEquals(total, mix.queries("mix").size());
        assertEquals("magnesium", mix.queries("nutrient").get(0));
        assertEquals("\"leg cramps\"", mix.queries("phrase").get(0));
        assertThrows(IllegalArgumentException.class, () -> mix.queries("recipes"));
    }

    @Test
    void keystrokePrefixesAreWhatASearchBoxSendsWhileTyping() {
        QueryMix two = new QueryMix(List.of(new QueryMix.Entry("symptom", "leg pain"),
                new QueryMix.Entry("phrase", "\"Leg\"")));
        assertEquals(List.of("le", "leg", "leg p", "leg pa", "leg pai", "leg pain"), two.keystrokePrefixes());
    }
}
