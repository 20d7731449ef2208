package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences by a fixed rule, so generated corpora come out the same on every JDK
 * (a {@link java.text.BreakIterator} follows the JDK's locale data, which changes between releases).
 *
 * <p>A sentence ends at a line break, or after {@code .}, {@code !} or {@code ?} (and any closing
 * quotes or brackets) followed by white space. Sentences are stripped; blank ones are dropped.
 */
public final class SentenceSplitter {

    private SentenceSplitter() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                add(out, text, start, i);
                start = i + 1;
            } else if (c == '.' || c == '!' || c == '?') {
                int end = i + 1;
                while (end < n && ")]\"'”’".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                if (end == n || Character.isWhitespace(text.charAt(end))) {
                    add(out, text, start, end);
                    start = end;
                    i = end - 1;
                }
            }
        }
        add(out, text, start, n);
        return out;
    }

    private static void add(List<String> out, String text, int from, int to) {
        String s = text.substring(from, to).strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
