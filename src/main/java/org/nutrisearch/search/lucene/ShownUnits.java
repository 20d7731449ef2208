package org.nutrisearch.search.lucene;

import org.nutrisearch.cache.WeightedLru;

import org.nutrisearch.corpus.Unit;
import org.nutrisearch.search.snippet.SnippetBuilder;

import java.util.List;

/**
 * The units of one generation that searches showed lately, read and prepared for snippets: the unit from
 * its stored fields (decompressed), its nutrients, its words analysed and its nutrient mentions tagged.
 * Different queries show the same popular units again and again, and preparing one costs as much as the
 * rest of its hit. Least recently shown go first once {@code maxWeight} characters are kept (see
 * {@link SnippetBuilder.Prepared#weight()}). Thread-safe.
 */
final class ShownUnits {

    /** Characters of prepared units kept by default: about 8 MB of heap at most. */
    static final long DEFAULT_WEIGHT = 4L * 1024 * 1024;

    /** A unit ready to be a hit. */
    record Shown(Unit unit, List<String> nutrients, SnippetBuilder.Prepared snippet) {
        long weight() {
            return snippet.weight() + 256;
        }
    }

    private final WeightedLru<Integer, Shown> units;

    ShownUnits(long maxWeight) {
        this.units = new WeightedLru<>(Integer.MAX_VALUE, maxWeight, Shown::weight);
    }

    /** The unit of document {@code doc}, or null when it is not kept. */
    Shown get(int doc) {
        return units.get(doc);
    }

    /** Keeps {@code shown} as the unit of document {@code doc}. */
    void put(int doc, Shown shown) {
        units.put(doc, shown);
    }
}
