package org.nutrisearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.nutrisearch.corpus.Unit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The words of units as the {@link UnitFields#SPELL} field holds them (heading, question and text,
 * {@link TextAnalyzers#plain()}), counted by units: the vocabulary typo corrections read, for a
 * backend that keeps it beside its index instead of reading the embedded index's spell field.
 * Not thread-safe: one counter per build.
 */
public final class SpellingWords {

    private final Analyzer plain = TextAnalyzers.plain();
    private final Map<String, Integer> unitCounts = new HashMap<>();

    /** Counts the distinct words of {@code unit} (the fields {@link UnitDocuments#unit} writes to the spell field). */
    public void add(Unit unit) {
        Set<String> words = new HashSet<>();
        if (unit.heading() != null) {
            words.addAll(TextAnalyzers.terms(plain, unit.heading()));
        }
        if (unit.question() != null) {
            words.addAll(TextAnalyzers.terms(plain, unit.question()));
        }
        words.addAll(TextAnalyzers.terms(plain, unit.text()));
        for (String word : words) {
            unitCounts.merge(word, 1, Integer::sum);
        }
    }

    /** Word → number of units holding it, for the units added so far. */
    public Map<String, Integer> unitCounts() {
        return Map.copyOf(unitCounts);
    }
}
