package org.nutrisearch.search.suggest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nutrisearch.search.Suggestion;

/**
 * Prefix lookup over suggestion texts, in memory: every word start of every text is a key in one
 * sorted array, so "cram" finds "leg cramps" and "Magnesium Deficiency and Nighttime Cramps" with
 * one binary search. Immutable and thread-safe; built once per index generation.
 *
 * <p>Order of the suggestions: by kind (nutrient, phrase, heading, question), then texts that start
 * with the typed prefix before texts where it starts a later word, then those where it ends at a
 * word end ("b1" → "Vitamin B1" before "Vitamin B12"), then by frequency, then shorter first, then
 * alphabetically. At most half the suggestions (rounded up) are phrases while other
 * kinds match, so headings and questions are not crowded out.
 */
public final class SuggestionIndex {

    /** Suggestion kinds in the order they are offered. */
    public static final List<String> KINDS = List.of("nutrient", "phrase", "heading", "question");
    /** Keys looked at per lookup: bounds the work of a one-letter prefix on a large index. */
    static final int MAX_SCANNED = 50_000;

    /**
     * One suggestion with the texts it is found by.
     *
     * @param text      what is shown
     * @param kind      one of {@link #KINDS}
     * @param frequency how many units it stands for (higher first)
     * @param keys      texts whose word starts find it (the shown text, aliases of a nutrient...)
     */
    public record Entry(String text, String kind, int frequency, List<String> keys) {
        public Entry {
            keys = List.copyOf(keys);
        }
    }

    /**
     * A matching entry: {@code atStart} when the prefix starts the text (or an alias), {@code wholeWord}
     * when it ends at a word end ("b1" is a whole word of "Vitamin B1", not of "Vitamin B12").
     */
    private record Candidate(Entry entry, boolean atStart, boolean wholeWord) {
    }

    /** Ties after kind and match strength: more frequent, then shorter, then alphabetical. */
    private static final Comparator<Entry> STATIC_ORDER = Comparator
            .comparingInt(Entry::frequency).reversed()
            .thenComparingInt((Entry e) -> e.text().length())
            .thenComparing(e -> e.text().toLowerCase(Locale.ROOT));

    private final Entry[] entries;
    private final String[] keys;
    private final int[] keyEntry;
    private final boolean[] keyAtStart;
    /** Per entry: its kind's place in {@link #KINDS}. */
    private final int[] entryKind;
    /** Per entry: its place in {@link #STATIC_ORDER} among all entries; {@link #entryByRank} inverts it. */
    private final int[] entryRank;
    private final int[] entryByRank;

    private SuggestionIndex(Entry[] entries, String[] keys, int[] keyEntry, boolean[] keyAtStart) {
        this.entries = entries;
        this.keys = keys;
        this.keyEntry = keyEntry;
        this.keyAtStart = keyAtStart;
        this.entryKind = new int[entries.length];
        this.entryRank = new int[entries.length];
        Integer[] byRank = new Integer[entries.length];
        for (int i = 0; i < entries.length; i++) {
            entryKind[i] = KINDS.indexOf(entries[i].kind());
            byRank[i] = i;
        }
        Arrays.sort(byRank, Comparator.comparing((Integer i) -> entries[i], STATIC_ORDER));
        this.entryByRank = new int[entries.length];
        for (int rank = 0; rank < byRank.length; rank++) {
            entryByRank[rank] = byRank[rank];
            entryRank[byRank[rank]] = rank;
        }
    }

    /** Indexes {@code entries}; a text offered twice (case aside) keeps its first kind in {@link #KINDS} order. */
    public static SuggestionIndex of(List<Entry> entries) {
        Map<String, Entry> distinct = new LinkedHashMap<>();
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((Entry e) -> KINDS.indexOf(e.kind()))
                .thenComparing(Comparator.comparingInt(Entry::frequency).reversed()));
        for (Entry e : sorted) {
            distinct.putIfAbsent(normalize(e.text()), e);
        }
        Entry[] kept = distinct.values().toArray(new Entry[0]);
        record Key(String key, int entry, boolean atStart) {
        }
        List<Key> all = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            for (String text : kept[i].keys()) {
                String key = normalize(text);
                for (int start = 0; start < key.length(); start++) {
                    if (start == 0 || key.charAt(start - 1) == ' ') {
                        all.add(new Key(key.substring(start), i, start == 0));
                    }
                }
            }
        }
        all.sort(Comparator.comparing(Key::key));
        String[] keys = new String[all.size()];
        int[] keyEntry = new int[all.size()];
        boolean[] atStart = new boolean[all.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = all.get(i).key();
            keyEntry[i] = all.get(i).entry();
            atStart[i] = all.get(i).atStart();
        }
        return new SuggestionIndex(kept, keys, keyEntry, atStart);
    }

    /** How many distinct suggestions there are. */
    public int size() {
        return entries.length;
    }

    /**
     * Up to {@code limit} suggestions for what has been typed so far (case and punctuation ignored).
     *
     * <p>A short prefix matches tens of thousands of keys on a large index, and this runs on every
     * keystroke: each match becomes one {@code long} that sorts in the order of the class comment (kind,
     * match strength, then the entry's precomputed place in {@link #STATIC_ORDER}), and only the best
     * {@code limit} distinct entries of each kind are kept; nothing is allocated per match.
     */
    public List<Suggestion> suggest(String prefix, int limit) {
        String p = normalize(prefix);
        if (p.isEmpty() || limit <= 0) {
            return List.of();
        }
        TopPerKind top = new TopPerKind(KINDS.size(), limit);
        int from = lowerBound(p);
        for (int i = from; i < keys.length && i - from < MAX_SCANNED && keys[i].startsWith(p); i++) {
            boolean wholeWord = keys[i].length() == p.length() || keys[i].charAt(p.length()) == ' ';
            int e = keyEntry[i];
            long order = ((long) entryKind[e] << 34) | ((keyAtStart[i] ? 0L : 1L) << 33)
                    | ((wholeWord ? 0L : 1L) << 32) | entryRank[e];
            top.offer(entryKind[e], order);
        }
        List<Candidate> ranked = new ArrayList<>();
        for (int kind = 0; kind < KINDS.size(); kind++) {
            for (long order : top.sorted(kind)) {
                ranked.add(new Candidate(entries[entryByRank[(int) order]], (order & (1L << 33)) == 0,
                        (order & (1L << 32)) == 0));
            }
        }
        return pick(ranked, limit).stream().map(c -> new Suggestion(c.entry().text(), c.entry().kind())).toList();
    }

    /**
     * The {@code limit} smallest orders per kind, one per entry (an entry found by several keys keeps
     * its strongest match, the smallest order). A kind holding fewer than {@code limit} has lost none,
     * so its size is the exact number of distinct entries of that kind found.
     */
    private static final class TopPerKind {
        private final long[][] best;
        private final int[] size;

        TopPerKind(int kinds, int limit) {
            best = new long[kinds][limit];
            size = new int[kinds];
        }

        void offer(int kind, long order) {
            long[] b = best[kind];
            int n = size[kind];
            int rank = (int) order;
            for (int j = 0; j < n; j++) {
                if ((int) b[j] == rank) {
                    if (order < b[j]) {
                        b[j] = order;
                        Arrays.sort(b, 0, n);
                    }
                    return;
                }
            }
            if (n < b.length) {
                b[n] = order;
                size[kind] = n + 1;
                Arrays.sort(b, 0, n + 1);
            } else if (order < b[n - 1]) {
                b[n - 1] = order;
                Arrays.sort(b, 0, n);
            }
        }

        long[] sorted(int kind) {
            return Arrays.copyOf(best[kind], size[kind]);
        }
    }

    /** The first {@code limit} in order, with phrases capped at half while other kinds are left. */
    private static List<Candidate> pick(List<Candidate> ranked, int limit) {
        int phraseCap = (limit + 1) / 2;
        long others = ranked.stream().filter(c -> !c.entry().kind().equals("phrase")).count();
        phraseCap = (int) Math.max(phraseCap, limit - others);
        List<Candidate> out = new ArrayList<>();
        int phrases = 0;
        for (Candidate c : ranked) {
            if (out.size() == limit) {
                break;
            }
            if (c.entry().kind().equals("phrase")) {
                if (phrases == phraseCap) {
                    continue;
                }
                phrases++;
            }
            out.add(c);
        }
        return out;
    }

    private int lowerBound(String p) {
        int i = Arrays.binarySearch(keys, p);
        if (i >= 0) {
            while (i > 0 && keys[i - 1].equals(p)) {
                i--;
            }
            return i;
        }
        return -i - 1;
    }

    /** Lower case, every run of characters other than letters and digits as one space, trimmed. */
    public static String normalize(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                space = true;
            }
        }
        return out.toString();
    }
}
