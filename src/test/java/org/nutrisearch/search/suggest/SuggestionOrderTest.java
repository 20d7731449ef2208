package org.nutrisearch.search.suggest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lookup keeps only the best few matches of each kind instead of sorting every match; its answers
 * must be those of sorting every match by the documented order, for every prefix of every key, on a
 * set of entries full of ties (same words, same frequencies, same lengths).
 */
class SuggestionOrderTest {

    private static final String[] WORDS = {"leg", "legs", "cramp", "cramps", "calf", "calcium", "magnesium",
        "night", "nightly", "vitamin", "d", "b12", "b1", "pain", "muscle", "what", "causes"};
    private static final List<String> KINDS = SuggestionIndex.KINDS;

    @Test
    void everyPrefixGetsWhatAFullSortWouldGive() {
        Random random = new Random(7);
        List<SuggestionIndex.Entry> entries = new ArrayList<>();
        Set<String> texts = new LinkedHashSet<>();
        while (entries.size() < 300) {
            int words = 1 + random.nextInt(4);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            if (texts.add(text.toString())) {
                List<String> keys = new ArrayList<>(List.of(text.toString()));
                if (random.nextInt(5) == 0) {
                    keys.add(WORDS[random.nextInt(WORDS.length)] + " alias");
                }
                entries.add(new SuggestionIndex.Entry(text.toString(), KINDS.get(random.nextInt(KINDS.size())),
                        random.nextInt(4), keys));
            }
        }
        SuggestionIndex index = SuggestionIndex.of(entries);
        Set<String> prefixes = new LinkedHashSet<>();
        for (SuggestionIndex.Entry e : entries) {
            for (String key : e.keys()) {
                for (int end = 1; end <= Math.min(8, key.length()); end++) {
                    prefixes.add(key.substring(0, end));
                }
            }
        }
        for (String prefix : prefixes) {
            for (int limit : new int[] {1, 3, 8, 20}) {
                assertEquals(reference(entries, prefix, limit), index.suggest(prefix, limit).stream()
                        .map(s -> s.kind() + ":" + s.text()).toList(), prefix + " / " + limit);
            }
        }
    }

    /** Every match, the strongest per entry, sorted by the documented order, phrases capped. */
    private static List<String> reference(List<SuggestionIndex.Entry> entries, String prefix, int limit) {
        String p = SuggestionIndex.normalize(prefix);
        record Match(SuggestionIndex.Entry entry, boolean atStart, boolean wholeWord) {
        }
        Map<String, Match> best = new HashMap<>();
        for (SuggestionIndex.Entry e : entries) {
            for (String key : e.keys()) {
                String k = SuggestionIndex.normalize(key);
                for (int start = 0; start < k.length(); start++) {
                    if ((start == 0 || k.charAt(start - 1) == ' ') && k.startsWith(p, start)) {
                        int end = start + p.length();
                        Match m = new Match(e, start == 0, end == k.length() || k.charAt(end) == ' ');
                        best.merge(e.text(), m, (a, b) -> strength(a.atStart(), a.wholeWord())
                                >= strength(b.atStart(), b.wholeWord()) ? a : b);
                    }
                }
            }
        }
        List<Match> ranked = new ArrayList<>(best.values());
        ranked.sort(Comparator.comparingInt((Match m) -> KINDS.indexOf(m.entry().kind()))
                .thenComparing(m -> !m.atStart())
                .thenComparing(m -> !m.wholeWord())
                .thenComparing(Comparator.comparingInt((Match m) -> m.entry().frequency()).reversed())
                .thenComparingInt(m -> m.entry().text().length())
                .thenComparing(m -> m.entry().text().toLowerCase(Locale.ROOT)));
        long others = ranked.stream().filter(m -> !m.entry().kind().equals("phrase")).count();
        int phraseCap = (int) Math.max((limit + 1) / 2, limit - others);
        List<String> out = new ArrayList<>();
        int phrases = 0;
        for (Match m : ranked) {
            if (out.size() == limit) {
                break;
            }
            if (m.entry().kind().equals("phrase")) {
                if (phrases == phraseCap) {
                    continue;
                }
                phrases++;
            }
            out.add(m.entry().kind() + ":" + m.entry().text());
        }
        return out;
    }

    private static int strength(boolean atStart, boolean wholeWord) {
        return (atStart ? 2 : 0) + (wholeWord ? 1 : 0);
    }
}
