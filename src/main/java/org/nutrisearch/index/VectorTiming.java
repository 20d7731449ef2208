package org.nutrisearch.index;

/** When the units' embeddings (for semantic and hybrid search) are computed. */
public enum VectorTiming {
    /** While indexing: the build takes longer, searches by meaning work from the first answer. */
    NOW,
    /** After: the index is built lexically and served at once; the service fills the vectors in meanwhile. */
    LATER,
    /** Never: lexical search only, and the model is not loaded. */
    OFF
}
