package org.nutrisearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.embedding.CachedEmbedder;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.nutrisearch.embedding.VectorCache;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.QueryVectors;

/** An index built lexically gets its vectors afterwards, searched lexically until then. */
class VectorBackfillTest {

    @TempDir
    Path dir;

    @Test
    void embedsEveryUnitOnceThenServesAGenerationWithVectors() throws Exception {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        ObjectMapper json = new ObjectMapper();
        Path corpus = Path.of("corpus");
        IndexGenerations generations = new IndexGenerations(dir.resolve("index"));
        new IndexBuilder(tagger, json).rebuild(new CorpusLoader().load(corpus).articles(), generations, null);
        Path lexicalGeneration = generations.current().orElseThrow();
        ConceptEmbedder model = new ConceptEmbedder("concept-test");
        try (VectorCache cache = VectorCache.open(dir.resolve("vectors"), model.modelId(), model.dimension());
             LiveIndex live = LiveIndex.open(lexicalGeneration)) {
            CachedEmbedder cached = new CachedEmbedder(model, cache);
            LuceneSearchBackend backend = LuceneSearchBackend.open(live, lexicon, json, RankingOptions.DEFAULTS,
                    SearchMode.HYBRID, HybridOptions.DEFAULTS);
            backend.useQueryVectors(new QueryVectors(model, 16));
            assertFalse(backend.vectorsAvailable());
            assertEquals(SearchMode.LEXICAL, backend.search(SearchRequest.of("potassium")).mode());

            Reindexer reindexer = new Reindexer(corpus, generations, new IndexBuilder(tagger, json, cached), live,
                    new CorpusLoader());
            List<Integer> totals = new ArrayList<>();
            List<Integer> progress = new ArrayList<>();
            Reindexer.Report report = new VectorBackfill(live, cached, reindexer).run(totals::add, progress::add);

            assertEquals(List.of(138), totals);
            assertEquals(138, progress.getLast());
            assertEquals(138, report.summary().vectors());
            assertEquals(138, model.passagesEmbedded(), "every passage embedded once: the rebuild read the cache");
            assertNotEquals(lexicalGeneration, live.dir());
            assertTrue(backend.vectorsAvailable());
            assertEquals(SearchMode.HYBRID, backend.search(SearchRequest.of("potassium")).mode());
        }
    }
}
