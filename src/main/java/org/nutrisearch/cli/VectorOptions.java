package org.nutrisearch.cli;

import picocli.CommandLine.Option;

/** Whether units get embeddings for semantic and hybrid search, and when they are computed. */
final class VectorOptions {

    /** When unit vectors are computed. */
    enum Vectors {
        /** While indexing: the build takes longer, searches by meaning work from the first answer. */
        now,
        /** After: the index is built lexically and served; the service fills the vectors in. */
        later,
        /** Never: lexical search only, and the model is not loaded. */
        off
    }

    @Option(names = "--vectors", paramLabel = "WHEN", defaultValue = "${env:NUTRISEARCH_VECTORS:-now}",
            description = "Unit embeddings for semantic/hybrid search: now (while indexing), later (index "
                    + "lexically, serve fills them in) or off. Env NUTRISEARCH_VECTORS. Default: ${DEFAULT-VALUE}.")
    Vectors vectors;
}
