package org.nutrisearch.search;

import java.util.List;

/**
 * A passage of a unit ready for a page.
 *
 * @param html       escaped text with {@code <mark>} tags
 * @param highlights the marks as offsets into the plain text of {@code html}
 */
public record Snippet(String html, List<Highlight> highlights) {
    public Snippet {
        highlights = List.copyOf(highlights);
    }
}
