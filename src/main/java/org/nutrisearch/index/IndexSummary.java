package org.nutrisearch.index;

import java.util.Map;

/**
 * What a build wrote.
 *
 * @param articles     articles indexed
 * @param unitsByKind  units per kind (API names), in kind order
 * @param millis       wall time of the build
 * @param bytesOnDisk  size of the generation folder
 * @param vectors      units stored with an embedding (0 for a lexical-only build)
 */
public record IndexSummary(int articles, Map<String, Integer> unitsByKind, long millis, long bytesOnDisk,
                           int vectors) {

    /** A build without vectors. */
    public IndexSummary(int articles, Map<String, Integer> unitsByKind, long millis, long bytesOnDisk) {
        this(articles, unitsByKind, millis, bytesOnDisk, 0);
    }

    public int units() {
        return unitsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    public double unitsPerSecond() {
        return millis == 0 ? units() : units() * 1000.0 / millis;
    }
}
