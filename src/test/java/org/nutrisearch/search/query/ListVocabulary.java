package org.nutrisearch.search.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A vocabulary of a few words given with their unit counts, counting its lookups (test support). */
final class ListVocabulary implements Vocabulary {

    private final Map<String, Integer> words = new LinkedHashMap<>();
    int nearCalls;

    ListVocabulary word(String word, int unitCount) {
        words.put(word, unitCount);
        return this;
    }

    @Override
    public int unitCount(String word) {
        return words.getOrDefault(word, 0);
    }

    @Override
    public List<NearWord> near(String word, int maxEdits, int limit) {
        nearCalls++;
        return WordListVocabulary.of(words).near(word, maxEdits, limit);
    }
}
