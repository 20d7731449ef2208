package org.nutrisearch.search;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The analysed terms a query can match in text, and how each came about, so snippets can mark
 * matches and say whether they were exact, stemmed, synonyms or fuzzy.
 *
 * @param matchByTerm analysed term → "stem", "synonym" or "fuzzy" (a stem match is "exact" when the
 *                    surface text is one of the typed words)
 * @param typedWords  the typed words, lower case
 */
public record QueryTerms(Map<String, String> matchByTerm, Set<String> typedWords) {

    public static final QueryTerms NONE = new QueryTerms(Map.of(), Set.of());

    public QueryTerms {
        matchByTerm = Map.copyOf(matchByTerm);
        typedWords = Set.copyOf(typedWords);
    }

    /** How the text {@code surface} (analysed to {@code term}) matches, or null when it does not. */
    public String matchOf(String term, String surface) {
        String how = matchByTerm.get(term);
        if (how == null) {
            return null;
        }
        if (how.equals("stem") && typedWords.contains(surface.toLowerCase(Locale.ROOT))) {
            return "exact";
        }
        return how;
    }

    public boolean isEmpty() {
        return matchByTerm.isEmpty();
    }
}
