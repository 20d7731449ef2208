package org.nutrisearch.search.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link SpellingCandidates} of each word, kept for the index generation ({@link Vocabulary}) they were
 * looked up in. Typos and the keystrokes of a search box repeat, and one search asks twice (query building and
 * "did you mean"); a lookup runs Levenshtein automata over the vocabulary, a hit is a map read.
 * Bounded: once {@link #MAX_WORDS} words are kept it starts afresh. Thread-safe.
 */
final class SpellingCache {

    /** Words kept per generation; beyond, the cache is emptied (cheap, and rare in practice). */
    static final int MAX_WORDS = 20_000;
    /** Candidates kept per word: as many as query building uses; "did you mean" takes the first. */
    static final int CANDIDATES = UnitQueryBuilder.MAX_FUZZY_EXPANSIONS;

    /** The words looked up in one vocabulary. */
    private record Generation(Vocabulary vocabulary, Map<String, List<SpellingCandidates.Candidate>> words) {
    }

    private final AtomicReference<Generation> current = new AtomicReference<>();

    /** Candidates for {@code word} in {@code vocabulary}, best first, at most {@link #CANDIDATES}. */
    List<SpellingCandidates.Candidate> candidates(Vocabulary vocabulary, String word) {
        Generation g = generationOf(vocabulary);
        List<SpellingCandidates.Candidate> found = g.words().get(word);
        if (found == null) {
            found = SpellingCandidates.of(vocabulary, word, CANDIDATES);
            if (g.words().size() >= MAX_WORDS) {
                g.words().clear();
            }
            g.words().put(word, found);
        }
        return found;
    }

    /** The words of {@code vocabulary} (compared by identity), replacing those of an older one. */
    private Generation generationOf(Vocabulary vocabulary) {
        Generation g = current.get();
        if (g != null && g.vocabulary() == vocabulary) {
            return g;
        }
        // Two searches meeting the same new vocabulary at once may each start a map; one is dropped,
        // which costs a few lookups again and never mixes generations.
        Generation fresh = new Generation(vocabulary, new ConcurrentHashMap<>());
        current.set(fresh);
        return fresh;
    }
}
