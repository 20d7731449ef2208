package org.nutrisearch.cache;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The least recently used go first, past a count or a total weight. */
class WeightedLruTest {

    @Test
    void theLeastRecentlyUsedGoFirstPastTheCount() {
        WeightedLru<String, String> lru = new WeightedLru<>(2, 1_000, String::length);
        lru.put("a", "aa");
        lru.put("b", "bb");
        assertEquals("aa", lru.get("a")); // "b" is now the least recently used
        lru.put("c", "cc");

        assertNull(lru.get("b"));
        assertEquals("aa", lru.get("a"));
        assertEquals("cc", lru.get("c"));
        assertEquals(2, lru.size());
        assertEquals(4, lru.weight());
    }

    @Test
    void theLeastRecentlyUsedGoFirstPastTheWeightAndAValueTooHeavyAloneIsNotKept() {
        WeightedLru<String, String> lru = new WeightedLru<>(100, 5, String::length);
        lru.put("a", "aaa");
        lru.put("b", "bb");
        lru.put("c", "cc");
        assertNull(lru.get("a"));
        assertEquals(4, lru.weight());

        lru.put("d", "dddddd");
        assertNull(lru.get("d"));
        assertEquals(2, lru.size());

        lru.put("b", "b");
        assertEquals(3, lru.weight(), "a replaced value's weight is replaced");
    }
}
