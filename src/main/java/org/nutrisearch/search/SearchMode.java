package org.nutrisearch.search;

import java.util.Locale;

/**
 * How units are retrieved: by the words they share with the query (BM25), by meaning (nearest
 * embeddings), or both fused. Semantic and hybrid need an index built with vectors and the embedding
 * model loaded; without them a search runs lexically and says so ({@link SearchResult#mode()}).
 */
public enum SearchMode {
    LEXICAL, SEMANTIC, HYBRID;

    /** The name used in the API ({@code lexical}, {@code semantic}, {@code hybrid}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode with this API name, or null when there is none. */
    public static SearchMode fromApiName(String name) {
        for (SearchMode m : values()) {
            if (m.apiName().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** True when the mode compares embeddings (semantic or hybrid). */
    public boolean usesVectors() {
        return this != LEXICAL;
    }
}
