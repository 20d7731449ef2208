package org.nutrisearch.search.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Words of the index within an edit or two of a typed word ("magnesum" → "magnesium", "b21" →
 * "b12", "cramsp" → "cramps"), looked up in the generation's {@link Vocabulary} (words as written, so
 * that candidates are real words). Only for words the index does not know or barely knows and that are
 * not common English words ({@link EnglishWords}: "plain" is not a typo of "pain"), and only candidates
 * more common than the word itself. Thread-safe.
 */
final class SpellingCandidates {

    /** A word that occurs in at most this many units counts as possibly mistyped. */
    static final int RARE_DOC_FREQ = 1;
    /** A candidate must occur in at least this many times as many units as the typed word. */
    static final int MORE_COMMON_FACTOR = 4;
    /** Index words looked at per typed word: bounds the work of a long nonsense word. */
    static final int MAX_VISITED = 2_000;
    /**
     * Longer words are never corrected. The work of a lookup grows with the word (a valid query of one
     * 490-letter word cost nine ordinary searches); English words, medical ones included, are shorter
     * ("pseudohypoparathyroidism" has 24 letters).
     */
    public static final int MAX_WORD_LENGTH = 30;

    /** A correction candidate: the word, its similarity (1 = same word) and edit distance, units holding it. */
    record Candidate(String word, float similarity, int edits, int docFreq) {
    }

    /** Best first: fewest edits, then most common, then most similar, then alphabetical. */
    static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::edits)
            .thenComparing(Comparator.comparingInt(Candidate::docFreq).reversed())
            .thenComparing(Comparator.comparingDouble(Candidate::similarity).reversed())
            .thenComparing(Candidate::word);

    /** Edits allowed for a word of {@code length} characters (none below 3, one up to 5, else two). */
    static int maxEdits(int length) {
        return length < 3 ? 0 : length <= 5 ? 1 : 2;
    }

    /** Whether {@code word} (lower case, as the plain analyzer gives it) may be corrected at all. */
    static boolean correctable(String word) {
        if (maxEdits(word.length()) == 0 || word.length() > MAX_WORD_LENGTH) {
            return false;
        }
        // Numbers are not typos of each other ("2023" is not "2024"); codes like "b21" are.
        return word.chars().anyMatch(Character::isLetter);
    }

    /**
     * Candidates for {@code word}, best first, at most {@code max}; empty when the word is common
     * enough (in the index or in English) to be meant as typed, or nothing near it is more common.
     */
    static List<Candidate> of(Vocabulary vocabulary, String word, int max) {
        return of(vocabulary, word, max, () -> true);
    }

    /**
     * As {@link #of(Vocabulary, String, int)}; a common English word is looked up too when
     * {@code englishAsTyped} says false (a query none of whose words the index knows: "hart attack" would
     * otherwise find nothing). It is asked only for a rare English word, so that the answer may be worked
     * out when first needed.
     */
    static List<Candidate> of(Vocabulary vocabulary, String word, int max, BooleanSupplier englishAsTyped) {
        if (!correctable(word)) {
            return List.of();
        }
        int own = vocabulary.unitCount(word);
        if (own > RARE_DOC_FREQ || EnglishWords.contains(word) && englishAsTyped.getAsBoolean()) {
            return List.of();
        }
        int edits = maxEdits(word.length());
        List<Candidate> found = new ArrayList<>();
        for (Vocabulary.NearWord near : vocabulary.near(word, edits, MAX_VISITED)) {
            String candidate = near.word();
            if (candidate.equals(word) || near.unitCount() < Math.max(1, own * MORE_COMMON_FACTOR)) {
                continue;
            }
            int distance = distance(word, candidate);
            if (distance <= edits) {
                found.add(new Candidate(candidate, near.similarity(), distance, near.unitCount()));
            }
        }
        found.sort(BEST_FIRST);
        return found.size() > max ? List.copyOf(found.subList(0, max)) : List.copyOf(found);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
