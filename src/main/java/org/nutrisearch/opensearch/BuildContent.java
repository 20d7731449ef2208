package org.nutrisearch.opensearch;

import org.nutrisearch.corpus.CorpusManifest;

import java.util.Map;

/**
 * What a build holds beyond the units' text: the words typo corrections are looked up in (word →
 * units holding it, as the embedded index's spell field counts them), the corpus manifest, and the
 * units' embeddings.
 *
 * @param words   word → number of units holding it
 * @param corpus  the corpus as it was before it was read, or null when not known
 * @param vectors the units' embeddings, or null for a lexical build
 */
public record BuildContent(Map<String, Integer> words, CorpusManifest corpus, UnitVectors vectors) {

    public BuildContent {
        words = Map.copyOf(words);
    }

    /** No vocabulary, manifest or vectors (tests of the indexing mechanics). */
    public static BuildContent empty() {
        return new BuildContent(Map.of(), null, null);
    }

    /**
     * The embeddings of a build's units.
     *
     * @param model     the model's id (vectors of another model are never compared with a query)
     * @param dimension components per vector
     * @param byUnit    unit id → its vector (unit length)
     */
    public record UnitVectors(String model, int dimension, Map<String, float[]> byUnit) {
        public UnitVectors {
            byUnit = Map.copyOf(byUnit);
        }
    }
}
