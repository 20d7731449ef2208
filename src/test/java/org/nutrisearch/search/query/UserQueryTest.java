package org.nutrisearch.search.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserQueryTest {

    @Test
    void wordsPhrasesAndExclusions() {
        UserQuery q = UserQuery.parse("magnesium \"leg cramps\" -iron night");
        assertEquals(List.of("magnesium", "night"), q.words());
        assertEquals(List.of("leg cramps"), q.phrases());
        assertEquals(List.of("iron"), q.excluded());
    }

    @Test
    void luceneSyntaxIsJustText() {
        UserQuery q = UserQuery.parse("vit* AND (b12^3 OR ~iron) [x TO y] \\");
        assertEquals(List.of("vit*", "AND", "(b12^3", "OR", "~iron)", "[x", "TO", "y]", "\\"), q.words());
        assertEquals(List.of(), q.phrases());
        assertEquals(List.of(), q.excluded());
    }

    @Test
    void anUnbalancedQuoteAndALoneDashAreDropped() {
        UserQuery q = UserQuery.parse("\"calf pain - cramps");
        assertEquals(List.of("calf", "pain", "cramps"), q.words());
        assertEquals(List.of(), q.phrases());
        assertEquals(List.of(), q.excluded());
    }

    @Test
    void aPhraseCanBeExcludedAndHyphenatedWordsStayWords() {
        UserQuery q = UserQuery.parse("vitamin-d -\"leg cramps\" \"\" iron");
        assertEquals(List.of("vitamin-d", "iron"), q.words());
        assertEquals(List.of(), q.phrases());
        assertEquals(List.of(), q.excluded());
        assertEquals(List.of("leg cramps"), q.excludedPhrases());
        assertEquals(List.of("iron"), UserQuery.parse("-iron").excluded());
        assertEquals(true, UserQuery.parse("-iron -\"leg cramps\"").onlyExclusions());
    }

    @Test
    void partsAreCappedAndDeduplicated() {
        UserQuery q = UserQuery.parse("a ".repeat(10) + "w1 w2 w3 ".repeat(3) + String.join(" ",
                java.util.stream.IntStream.range(0, 100).mapToObj(i -> "t" + i).toList()));
        assertEquals(UserQuery.MAX_PARTS, q.words().size());
        assertEquals(List.of("a", "w1", "w2", "w3", "t0"), q.words().subList(0, 5));
    }
}
