package org.nutrisearch.search.query;

import java.util.List;

/**
 * The words typo corrections are looked up in: every word of the units' text, heading and question
 * as written ({@code TextAnalyzers.plain()}: lower-cased, nothing stemmed or dropped), each with the
 * number of units holding it. One per served index generation; each backend serves its own (the
 * embedded index's spell field, a word list kept with each OpenSearch build), and the correction
 * logic ({@link SpellingCandidates}, {@link QueryCorrector}) reads nothing else, so both backends
 * correct alike. Implementations are thread-safe and immutable for the generation they describe.
 */
public interface Vocabulary {

    /** How many units hold {@code word}; 0 when none does. */
    int unitCount(String word);

    /**
     * Words within {@code maxEdits} edits of {@code word} whose first character is the same
     * (insertions, deletions, substitutions and adjacent transpositions), in byte order of the words,
     * at most {@code limit} of them: the words Lucene's fuzzy term enumeration would give over the same
     * words ({@link WordListVocabulary} finds them). {@code word} itself is included when the vocabulary has it.
     */
    List<NearWord> near(String word, int maxEdits, int limit);

    /**
     * A word of the vocabulary near a typed one.
     *
     * @param similarity 1 − edits / the shorter length (in code points), as Lucene's fuzzy matching scores it
     * @param unitCount  units holding the word
     */
    record NearWord(String word, float similarity, int unitCount) {
    }

    /** A vocabulary without words (an empty index, or one whose words are not known yet). */
    Vocabulary EMPTY = new Vocabulary() {
        @Override
        public int unitCount(String word) {
            return 0;
        }

        @Override
        public List<NearWord> near(String word, int maxEdits, int limit) {
            return List.of();
        }
    };
}
