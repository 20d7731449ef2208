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

    /** A unit as its stored fields hold it, with its nutrients: a hit without a snippet. */
    record Read(Unit unit, List<String> nutrients) {
        /** About the characters it holds. */
        long weight() {
            return 256 + length(unit.text()) + length(unit.question()) + length(unit.heading())
                    + length(unit.articleTitle()) + length(unit.focus()) + length(unit.id()) + length(unit.source());
        }

        private static int length(String s) {
            return s == null ? 0 : s.length();
        }
    }

    /**
     * Characters of units read for hits without snippets kept by default: all of the MedQuAD + MEDIQA portal
     * corpus (16 883 units, about 25 million characters), 32 MB of heap or more (a character takes a byte
     * in Latin-1 text, two otherwise).
     */
    static final long DEFAULT_READ_WEIGHT = 32L * 1024 * 1024;

    private final WeightedLru<Integer, Shown> units;
    /**
     * Units read for hits without snippets (the answer service's 30 candidates and nearest questions):
     * decompressing a unit's stored block was 6 % of an answer's CPU and a seventh of what it allocated,
     * and answers to different questions meet the same units again (71 % of the candidates on the portal).
     */
    private final WeightedLru<Integer, Read> read;

    ShownUnits(long maxWeight) {
        this(maxWeight, DEFAULT_READ_WEIGHT);
    }

    ShownUnits(long maxWeight, long maxReadWeight) {
        this.units = new WeightedLru<>(Integer.MAX_VALUE, maxWeight, Shown::weight);
        this.read = new WeightedLru<>(Integer.MAX_VALUE, maxReadWeight, Read::weight);
    }

    /** The unit of document {@code doc}, or null when it is not kept. */
    Shown get(int doc) {
        return units.get(doc);
    }

    /** Keeps {@code shown} as the unit of document {@code doc}. */
    void put(int doc, Shown shown) {
        units.put(doc, shown);
    }

    /** The unit of document {@code doc} as read for a hit without snippet, or null when it is not kept. */
    Read getRead(int doc) {
        return read.get(doc);
    }

    /** Keeps {@code unit} as document {@code doc} read for a hit without snippet. */
    void putRead(int doc, Read unit) {
        read.put(doc, unit);
    }
}
