package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;

import java.nio.file.Path;

/**
 * The bundled articles ({@code corpus/}) indexed with {@link ConceptEmbedder} vectors, served hybrid by
 * default with the service's ranking: a small index on which every search mode runs, for tests that
 * compare two ways of getting the same hits.
 */
final class BundledConceptIndex {

    static final String MODEL = "concept-test";

    private BundledConceptIndex() {
    }

    /** Indexes the bundled articles with vectors into {@code dir} and opens the generation written. */
    static LiveIndex build(Path dir) throws Exception {
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(new NutrientTagger(NutrientLexicon.loadDefault()), new ObjectMapper(), new ConceptEmbedder(MODEL))
                .rebuild(new CorpusLoader().load(Path.of("corpus")).articles(), generations, null);
        return LiveIndex.open(generations.current().orElseThrow());
    }

    /** A backend over {@code live} with the default ranking and hybrid options, its queries embedded too. */
    static LuceneSearchBackend backend(LiveIndex live) {
        LuceneSearchBackend backend = LuceneSearchBackend.open(live, NutrientLexicon.loadDefault(), new ObjectMapper(),
                RankingOptions.DEFAULTS, SearchMode.HYBRID, HybridOptions.DEFAULTS);
        backend.useQueryVectors(new QueryVectors(new ConceptEmbedder(MODEL), 16));
        return backend;
    }
}
