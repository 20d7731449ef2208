package org.nutrisearch.opensearch;

import org.nutrisearch.corpus.CorpusManifest;

import java.util.List;
import java.util.Map;

/**
 * What a build holds beyond the units' text: the words typo corrections are looked up in (word →
 * units holding it, as the embedded index's spell field counts them), the corpus manifest, the units'
 * embeddings and the topics the answer service recognises a question's focus among.
 *
 * @param words   word → number of units holding it
 * @param corpus  the corpus as it was before it was read, or null when not known
 * @param vectors the units' embeddings, or null for a lexical build
 * @param topics  every unit's article title, focus and heading, distinct, stripped, in unit order
 */
public record BuildContent(Map<String, Integer> words, CorpusManifest corpus, UnitVectors vectors,
                           List<String> topics) {

    public BuildContent {
        words = Map.copyOf(words);
        topics = List.copyOf(topics);
    }

    /** No vocabulary, manifest, vectors or topics (tests of the indexing mechanics). */
    public static BuildContent empty() {
        return new BuildContent(Map.of(), null, null, List.of());
    }

    /**
     * The embeddings of a build's units.
     *
     * @param model     the model's id (vectors of another model are never compared with a query)
     * @param dimension components per vector
     * @param byUnit    unit id → its vector (unit length)
     * @param questions unit id → the vector of the question it answers ({@code Unit.askedQuestion()},
     *                  embedded as a question), for the units that ask one
     */
    public record UnitVectors(String model, int dimension, Map<String, float[]> byUnit,
                              Map<String, float[]> questions) {
        public UnitVectors {
            byUnit = Map.copyOf(byUnit);
            questions = Map.copyOf(questions);
        }
    }
}
