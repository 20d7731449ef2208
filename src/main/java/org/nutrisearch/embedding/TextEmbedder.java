package org.nutrisearch.embedding;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * Turns text into a dense vector for semantic (k-nearest-neighbour) retrieval.
 *
 * <p>Queries and passages are embedded by different methods because asymmetric retrieval models (BGE)
 * want an instruction in front of queries only. Every returned vector has {@link #dimension()} components
 * and unit L2 length, so the dot product of two vectors is their cosine similarity (Lucene's
 * {@code VectorSimilarityFunction.DOT_PRODUCT} needs exactly that). Implementations are thread-safe.
 */
public interface TextEmbedder {

    /** Names the model and its text preparation; vectors of different ids must never be mixed. */
    String modelId();

    /** Number of components of every vector (384 for BGE-small and MiniLM-L6). */
    int dimension();

    /** Embeds a search query (with the model's query instruction, if it has one). */
    float[] embedQuery(String query);

    /**
     * Embeds a question an FAQ entry (or a heading) answers, the way a user's question is embedded
     * ({@link #embedQuery}), so the two vectors compare question to question.
     */
    default float[] embedQuestion(String question) {
        return embedQuery(question);
    }

    /** Embeds one searchable unit's text. */
    float[] embedPassage(String passage);

    /** Embeds many units' texts, in the order given; may use several threads. */
    List<float[]> embedPassages(List<String> passages);

    /**
     * Told after a build which passages and questions ({@link #embedQuestion}) the index now holds: an
     * embedder that keeps vectors (a cache on disk) forgets the others, so what it keeps follows the corpus
     * instead of growing with every text ever embedded. Nothing by default.
     */
    default void keepOnly(Collection<String> passages, Collection<String> questions) throws IOException {
    }
}
