package org.nutrisearch.opensearch;

import java.util.ArrayList;
import java.util.List;

/**
 * A passage of a unit's text as OpenSearch's highlighter chose it: plain text plus the spans it marked
 * as matching the query. Offsets are into {@code text}, ready for the same nutrient marking the
 * embedded backend applies.
 */
public record MarkedFragment(String text, List<Span> marks) {

    /** Start of a mark in the highlighter's output (a control character no article contains). */
    static final String PRE_TAG = "\u0002";
    static final String POST_TAG = "\u0003";

    public MarkedFragment {
        marks = List.copyOf(marks);
    }

    /** A marked range: {@code text.substring(start, end)} matched a query term. */
    public record Span(int start, int end) {
    }

    /** Reads a highlighter fragment written with {@link #PRE_TAG} and {@link #POST_TAG}. */
    static MarkedFragment parse(String tagged) {
        StringBuilder text = new StringBuilder(tagged.length());
        List<Span> marks = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < tagged.length(); i++) {
            char c = tagged.charAt(i);
            if (c == PRE_TAG.charAt(0)) {
                open = text.length();
            } else if (c == POST_TAG.charAt(0)) {
                if (open >= 0 && open < text.length()) {
                    marks.add(new Span(open, text.length()));
                }
                open = -1;
            } else {
                text.append(c);
            }
        }
        return new MarkedFragment(text.toString(), marks);
    }
}
