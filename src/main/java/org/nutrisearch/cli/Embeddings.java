package org.nutrisearch.cli;

import org.nutrisearch.embedding.CachedEmbedder;
import org.nutrisearch.embedding.EmbedderSettings;
import org.nutrisearch.embedding.EmbeddingModelSpec;
import org.nutrisearch.embedding.OnnxEmbedder;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.embedding.VectorCache;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedding model and the vector cache of one index folder, opened and closed together. The native
 * libraries unpack into {@code <index>/native} and the cache lives in {@code <index>/vectors}: folders
 * the service owns, beside the generations, so a rebuild reuses every vector whose text is unchanged.
 */
final class Embeddings implements AutoCloseable {

    static final EmbeddingModelSpec MODEL = EmbeddingModelSpec.BGE_SMALL_EN_V15_Q;

    private final OnnxEmbedder model;
    private final VectorCache cache;
    private final CachedEmbedder cached;

    private Embeddings(OnnxEmbedder model, VectorCache cache) {
        this.model = model;
        this.cache = cache;
        this.cached = new CachedEmbedder(model, cache);
    }

    /** Loads the model (about a second) and opens the cache of {@code indexRoot}. */
    static Embeddings open(Path indexRoot) throws IOException {
        OnnxEmbedder model = OnnxEmbedder.load(MODEL, EmbedderSettings.forMachine(indexRoot.resolve("native")));
        try {
            return new Embeddings(model, VectorCache.open(indexRoot.resolve("vectors"), model.modelId(),
                    model.dimension()));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** The model itself: for queries, which are never cached on disk. */
    TextEmbedder model() {
        return model;
    }

    /** The model behind the cache: for building indexes. */
    TextEmbedder passages() {
        return cached;
    }

    /** "N embedded, M from the cache" for the passages embedded so far. */
    String passageCounts() {
        return cached.misses() + " embedded, " + cached.hits() + " from the cache " + cache.file();
    }

    @Override
    public void close() throws IOException {
        try {
            cache.close();
        } finally {
            model.close();
        }
    }
}
