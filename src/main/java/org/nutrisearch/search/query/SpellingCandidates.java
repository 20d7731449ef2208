package org.nutrisearch.search.query;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Words of the index within an edit or two of a typed word ("magnesum" → "magnesium", "b21" →
 * "b12", "cramsp" → "cramps"), looked up in the unstemmed {@link UnitFields#SPELL} field so that
 * candidates are real words. Only for words the index does not know or barely knows, and only
 * candidates more common than the word itself. Thread-safe.
 */
final class SpellingCandidates {

    /** A word that occurs in at most this many units counts as possibly mistyped. */
    static final int RARE_DOC_FREQ = 1;
    /** A candidate must occur in at least this many times as many units as the typed word. */
    static final int MORE_COMMON_FACTOR = 4;
    /** Index words looked at per typed word: bounds the work of a long nonsense word. */
    static final int MAX_VISITED = 2_000;

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
        if (maxEdits(word.length()) == 0) {
            return false;
        }
        // Numbers are not typos of each other ("2023" is not "2024"); codes like "b21" are.
        return word.chars().anyMatch(Character::isLetter);
    }

    /** How many units hold {@code word} in the spell field. */
    static int docFreq(IndexReader reader, String word) throws IOException {
        return reader.docFreq(new Term(UnitFields.SPELL, word));
    }

    /**
     * Candidates for {@code word}, best first, at most {@code max}; empty when the word is common
     * enough to be meant as typed, or nothing near it is more common.
     */
    static List<Candidate> of(IndexReader reader, String word, int max) throws IOException {
        if (!correctable(word)) {
            return List.of();
        }
        int own = docFreq(reader, word);
        if (own > RARE_DOC_FREQ) {
            return List.of();
        }
        Terms terms = MultiTerms.getTerms(reader, UnitFields.SPELL);
        if (terms == null) {
            return List.of();
        }
        int edits = maxEdits(word.length());
        FuzzyTermsEnum fuzzy = new FuzzyTermsEnum(terms, new Term(UnitFields.SPELL, word), edits, 1, true);
        List<Candidate> found = new ArrayList<>();
        int visited = 0;
        for (BytesRef t = fuzzy.next(); t != null && visited < MAX_VISITED; t = fuzzy.next()) {
            visited++;
            String candidate = t.utf8ToString();
            int df = fuzzy.docFreq();
            if (candidate.equals(word) || df < Math.max(1, own * MORE_COMMON_FACTOR)) {
                continue;
            }
            int distance = distance(word, candidate);
            if (distance <= edits) {
                found.add(new Candidate(candidate, fuzzy.getBoost(), distance, df));
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
