package org.nutrisearch.search.query;

import org.nutrisearch.search.MatchKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The analysed terms a query can match in text, and how each came about, so snippets can mark
 * matches and say whether they were exact, stemmed, synonyms or fuzzy.
 *
 * @param matchByTerm    analysed term → {@link MatchKind#STEM}, {@link MatchKind#SYNONYM} or
 *                       {@link MatchKind#FUZZY} (a stem match is {@link MatchKind#EXACT} when the surface text
 *                       is one of the typed words)
 * @param typedWords     the typed words, lower case
 * @param synonymPhrases multi-word synonyms the query was expanded with, as analysed terms in order
 *                       ("nocturnal", "leg", "cramp"); a run of text matching one is marked as one span
 */
public record QueryTerms(Map<String, MatchKind> matchByTerm, Set<String> typedWords, List<List<String>> synonymPhrases) {

    public static final QueryTerms NONE = new QueryTerms(Map.of(), Set.of(), List.of());

    public QueryTerms {
        matchByTerm = Map.copyOf(matchByTerm);
        typedWords = Set.copyOf(typedWords);
        synonymPhrases = synonymPhrases.stream().map(List::copyOf).toList();
    }

    /** Terms without synonym phrases. */
    public QueryTerms(Map<String, MatchKind> matchByTerm, Set<String> typedWords) {
        this(matchByTerm, typedWords, List.of());
    }

    /** How the text {@code surface} (analysed to {@code term}) matches, or null when it does not. */
    public MatchKind matchOf(String term, String surface) {
        MatchKind how = matchByTerm.get(term);
        if (how == null) {
            return null;
        }
        if (how == MatchKind.STEM && typedWords.contains(surface.toLowerCase(Locale.ROOT))) {
            return MatchKind.EXACT;
        }
        return how;
    }

    /**
     * How {@code text.substring(start, end)} (analysed to {@code term}) matches, or null when it does not:
     * {@link #matchOf(String, String)} without cutting the surface out of the text for a term that does not match.
     */
    public MatchKind matchOf(String term, String text, int start, int end) {
        MatchKind how = matchByTerm.get(term);
        if (how == MatchKind.STEM && typedWords.contains(text.substring(start, end).toLowerCase(Locale.ROOT))) {
            return MatchKind.EXACT;
        }
        return how;
    }

    public boolean isEmpty() {
        return matchByTerm.isEmpty() && synonymPhrases.isEmpty();
    }
}
