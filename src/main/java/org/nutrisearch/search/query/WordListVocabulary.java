package org.nutrisearch.search.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Vocabulary} held in memory: the words with their unit counts, grouped by first character and
 * length. What both backends serve (the embedded index reads its spell field into one, the OpenSearch
 * backend loads the list kept with each build), so the same words give the same corrections.
 *
 * <p>A lookup compares the typed word only with the words of its first character whose length is within
 * the allowed edits, skips most of them by their sets of letters (an edit changes at most two letters
 * of the set) and computes a bounded edit distance for the rest: a few microseconds per word, where
 * building Lucene's Levenshtein automata for a fuzzy term enumeration cost about 0.3 ms per word and grew
 * with the word. It finds what that enumeration finds, in the same order ({@code WordListVocabularyTest}).
 * Immutable, thread-safe.
 */
public final class WordListVocabulary implements Vocabulary {

    /** Words in code points, ordered by first character, length, then code points (= UTF-8 byte order). */
    private final int[][] words;
    private final String[] texts;
    private final int[] counts;
    private final int[] letters;
    /** First character → index in {@link #words} where each length starts (one more slot: the end). */
    private final Map<Integer, int[]> starts;

    private WordListVocabulary(int[][] words, String[] texts, int[] counts, Map<Integer, int[]> starts) {
        this.words = words;
        this.texts = texts;
        this.counts = counts;
        this.starts = starts;
        this.letters = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            letters[i] = letterSet(words[i]);
        }
    }

    /** The vocabulary of {@code unitCounts} (word → units holding it; words with a count below 1 are left out). */
    public static WordListVocabulary of(Map<String, Integer> unitCounts) {
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        unitCounts.forEach((word, count) -> {
            if (count != null && count > 0 && !word.isEmpty()) {
                kept.add(Map.entry(word, count));
            }
        });
        int[][] points = new int[kept.size()][];
        Integer[] order = new Integer[kept.size()];
        for (int i = 0; i < points.length; i++) {
            points[i] = kept.get(i).getKey().codePoints().toArray();
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> points[i][0])
                .thenComparingInt(i -> points[i].length)
                .thenComparing((i, j) -> Arrays.compare(points[i], points[j])));
        int[][] words = new int[order.length][];
        String[] texts = new String[order.length];
        int[] counts = new int[order.length];
        Map<Integer, Integer> longest = new HashMap<>();
        for (int k = 0; k < order.length; k++) {
            words[k] = points[order[k]];
            texts[k] = kept.get(order[k]).getKey();
            counts[k] = kept.get(order[k]).getValue();
            longest.merge(words[k][0], words[k].length, Math::max);
        }
        Map<Integer, int[]> starts = new HashMap<>();
        for (int k = words.length - 1; k >= 0; k--) {
            // Walking backwards, each slot ends up at the first word of its length; empty lengths are fixed below.
            int[] s = starts.computeIfAbsent(words[k][0], c -> filled(longest.get(c) + 2, -1));
            s[words[k].length] = k;
            if (s[s.length - 1] < 0) {
                s[s.length - 1] = k + 1;
            }
        }
        for (int[] s : starts.values()) {
            for (int len = s.length - 2; len >= 0; len--) {
                if (s[len] < 0) {
                    s[len] = s[len + 1];
                }
            }
        }
        return new WordListVocabulary(words, texts, counts, starts);
    }

    /** How many words the vocabulary holds. */
    public int size() {
        return words.length;
    }

    @Override
    public int unitCount(String word) {
        if (word.isEmpty()) {
            return 0;
        }
        int[] w = word.codePoints().toArray();
        int[] s = starts.get(w[0]);
        if (s == null || w.length > s.length - 2) {
            return 0;
        }
        int lo = s[w.length];
        int hi = s[w.length + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compare(words[mid], w);
            if (c == 0) {
                return counts[mid];
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0;
    }

    @Override
    public List<NearWord> near(String word, int maxEdits, int limit) {
        if (word.isEmpty() || maxEdits < 1 || limit < 1) {
            return List.of();
        }
        int[] w = word.codePoints().toArray();
        int[] s = starts.get(w[0]);
        if (s == null) {
            return List.of();
        }
        int own = letterSet(w);
        int longest = s.length - 2;
        int from = s[Math.min(longest + 1, Math.max(1, w.length - maxEdits))];
        int to = s[Math.min(longest + 1, w.length + maxEdits + 1)];
        List<Integer> found = new ArrayList<>();
        int[][] rows = new int[3][w.length + maxEdits + 2];
        for (int k = from; k < to; k++) {
            if (Integer.bitCount(letters[k] ^ own) <= 2 * maxEdits && suffixDistance(w, words[k], maxEdits, rows) <= maxEdits) {
                found.add(k);
            }
        }
        // In UTF-8 byte order, as a term dictionary enumerates, so a limit keeps the same words.
        found.sort((i, j) -> Arrays.compare(words[i], words[j]));
        List<NearWord> out = new ArrayList<>(Math.min(limit, found.size()));
        for (int k : found.subList(0, Math.min(limit, found.size()))) {
            int edits = suffixDistance(w, words[k], maxEdits, rows);
            // As Lucene's fuzzy matching scores a match: 1 - edits / the shorter length.
            out.add(new NearWord(texts[k], 1f - (float) edits / Math.min(w.length, words[k].length), counts[k]));
        }
        return List.copyOf(out);
    }

    /**
     * The optimal string alignment distance (adjacent swaps count one edit) of {@code a} and {@code b}
     * after their shared first character, when at most {@code max}; else {@code max + 1}. Like Lucene's
     * fuzzy automata, which hold the first character fixed and allow the edits on the rest.
     */
    static int suffixDistance(int[] a, int[] b, int max, int[][] rows) {
        int n = a.length - 1;
        int m = b.length - 1;
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] before = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMin = i;
            int ca = a[i];
            for (int j = 1; j <= m; j++) {
                int cb = b[j];
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == b[j - 1] && a[i - 1] == cb) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[m], max + 1);
    }

    /** The set of letters of a word as bits: a-z one each, every other character one of six more. */
    private static int letterSet(int[] word) {
        int set = 0;
        for (int c : word) {
            set |= c >= 'a' && c <= 'z' ? 1 << (c - 'a') : 1 << (26 + c % 6);
        }
        return set;
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
