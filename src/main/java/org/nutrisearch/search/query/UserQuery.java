package org.nutrisearch.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a person typed, read as words, "quoted phrases" and {@code -excluded} words.
 *
 * <p>User text is never Lucene syntax: every other character is just text, left to the analyzer.
 * The number of words is capped so that no query can grow past Lucene's clause limit.
 *
 * @param words    positive words, distinct, in order
 * @param phrases  quoted phrases (required)
 * @param excluded words after a leading '-' (must not occur)
 */
public record UserQuery(List<String> words, List<String> phrases, List<String> excluded) {

    /** Upper bound on words + phrases + exclusions taken from one query. */
    public static final int MAX_PARTS = 32;

    public UserQuery {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
    }

    /** Parses typed text; never throws. */
    public static UserQuery parse(String text) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> phrases = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        String s = text == null ? "" : text;
        int i = 0;
        int n = s.length();
        while (i < n && words.size() + phrases.size() + excluded.size() < MAX_PARTS) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close > i + 1) {
                    String phrase = s.substring(i + 1, close).strip();
                    if (!phrase.isEmpty()) {
                        phrases.add(phrase);
                    }
                    i = close + 1;
                    continue;
                }
                // An unbalanced or empty quote is just a character.
                i++;
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"') {
                end++;
            }
            String token = s.substring(i, end);
            if (token.length() > 1 && token.charAt(0) == '-' && Character.isLetterOrDigit(token.charAt(1))) {
                excluded.add(token.substring(1));
            } else {
                words.add(token);
            }
            i = end;
        }
        return new UserQuery(new ArrayList<>(words), new ArrayList<>(phrases), new ArrayList<>(excluded));
    }

    /** The positive text (words and phrases) as one string, for snippets and analysis. */
    public String positiveText() {
        List<String> parts = new ArrayList<>(words);
        parts.addAll(phrases);
        return String.join(" ", parts);
    }
}
