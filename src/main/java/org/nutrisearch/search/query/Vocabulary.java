package org.nutrisearch.search.query;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
     * at most {@code limit} of them. {@code word} itself is included when the vocabulary has it.
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

    /**
     * {@link #near} over a term dictionary whose document frequencies are unit counts: every
     * implementation enumerates through this one method (Lucene's Levenshtein automata), so the same
     * words give the same candidates in the same order whatever holds them.
     */
    static List<NearWord> near(Terms terms, String word, int maxEdits, int limit) {
        if (terms == null || maxEdits < 1 || limit < 1) {
            return List.of();
        }
        try {
            // The field name only labels the term; the automaton runs over the given dictionary.
            FuzzyTermsEnum fuzzy = new FuzzyTermsEnum(terms, new Term("", word), maxEdits, 1, true);
            List<NearWord> found = new ArrayList<>();
            for (BytesRef t = fuzzy.next(); t != null && found.size() < limit; t = fuzzy.next()) {
                found.add(new NearWord(t.utf8ToString(), fuzzy.getBoost(), fuzzy.docFreq()));
            }
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
