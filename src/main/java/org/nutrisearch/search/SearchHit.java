package org.nutrisearch.search;

import org.nutrisearch.corpus.Unit;

import java.util.List;

/** One ranked unit with its snippet. */
public record SearchHit(Unit unit, Snippet snippet, List<String> nutrients, float score) {
    public SearchHit {
        nutrients = List.copyOf(nutrients);
    }
}
