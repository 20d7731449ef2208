package org.nutrisearch.search.query;

import org.apache.lucene.index.IndexReader;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link SpellingCandidates} of each word, kept for the index generation (reader) they were looked up
 * in. Typos and the keystrokes of a search box repeat, and one search asks twice (query building and
 * "did you mean"); a lookup runs Levenshtein automata over the vocabulary, a hit is a map read.
 * Bounded: once {@link #MAX_WORDS} words are kept it starts afresh. Thread-safe.
 */
final class SpellingCache {

    /** Words kept per generation; beyond, the cache is emptied (cheap, and rare in practice). */
    static final int MAX_WORDS = 20_000;
    /** Candidates kept per word: as many as query building uses; "did you mean" takes the first. */
    static final int CANDIDATES = UnitQueryBuilder.MAX_FUZZY_EXPANSIONS;

    /** The words looked up in one reader. */
    private record Generation(Object readerKey, Map<String, List<SpellingCandidates.Candidate>> words) {
    }

    private final AtomicReference<Generation> current = new AtomicReference<>();

    /** Candidates for {@code word} in {@code reader}, best first, at most {@link #CANDIDATES}. */
    List<SpellingCandidates.Candidate> candidates(IndexReader reader, String word) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            // A reader without an identity (none the service opens) cannot be told from the next one.
            return SpellingCandidates.of(reader, word, CANDIDATES);
        }
        Generation g = generationOf(helper.getKey());
        List<SpellingCandidates.Candidate> found = g.words().get(word);
        if (found == null) {
            found = SpellingCandidates.of(reader, word, CANDIDATES);
            if (g.words().size() >= MAX_WORDS) {
                g.words().clear();
            }
            g.words().put(word, found);
        }
        return found;
    }

    /** The words of the reader identified by {@code key}, replacing those of an older reader. */
    private Generation generationOf(Object key) {
        Generation g = current.get();
        if (g != null && g.readerKey() == key) {
            return g;
        }
        // Two searches opening the same new reader at once may each start a map; one is dropped,
        // which costs a few lookups again and never mixes readers.
        Generation fresh = new Generation(key, new ConcurrentHashMap<>());
        current.set(fresh);
        return fresh;
    }
}
