package org.nutrisearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark query mix ({@code /bench/queries.tsv}): nutrient words, symptoms, phrases, questions
 * and typos, as people type them into a portal's search box; and the prefixes a search-as-you-type box
 * sends while they are typed.
 *
 * @param entries every query with its category, in file order
 */
public record QueryMix(List<Entry> entries) {

    /** One query of the mix. */
    public record Entry(String category, String query) {
    }

    public static final List<String> CATEGORIES = List.of("nutrient", "symptom", "phrase", "question", "typo");

    public QueryMix {
        entries = List.copyOf(entries);
    }

    /** The mix bundled with the tests. */
    public static QueryMix load() {
        try (InputStream in = QueryMix.class.getResourceAsStream("/bench/queries.tsv")) {
            if (in == null) {
                throw new IllegalStateException("bench/queries.tsv is not on the class path");
            }
            List<Entry> entries = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException("not 'category<TAB>query': " + line);
                }
                entries.add(new Entry(line.substring(0, tab), line.substring(tab + 1)));
            }
            return new QueryMix(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The queries of one category, or all of them for "mix". */
    public List<String> queries(String category) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (category.equals("mix") || e.category().equals(category)) {
                out.add(e.query());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no queries of category " + category);
        }
        return out;
    }

    /**
     * What a search box sends while the queries are typed, keystroke by keystroke: every prefix of two
     * characters or more (quotes left out), lower case as typed, in order and without repeats.
     */
    public List<String> keystrokePrefixes() {
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : entries) {
            String typed = e.query().replace("\"", "").toLowerCase(Locale.ROOT);
            for (int end = 2; end <= typed.length(); end++) {
                String prefix = typed.substring(0, end);
                if (!prefix.endsWith(" ")) {
                    out.add(prefix);
                }
            }
        }
        return List.copyOf(out);
    }
}
