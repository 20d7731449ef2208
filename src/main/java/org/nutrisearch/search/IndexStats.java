package org.nutrisearch.search;

/** How much is searchable. */
public record IndexStats(int articles, int units) {
}
