package org.nutrisearch.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.embedding.CachedEmbedder;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.nutrisearch.embedding.VectorCache;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The vector cache keeps the vectors of what the latest build holds: it used to grow by every text ever
 * embedded (each edited unit, every reindex), on disk and in memory, for as long as the service ran.
 */
class VectorCacheFollowsCorpusTest {

    @TempDir
    Path dir;

    @Test
    void aRebuildDropsTheVectorsOfTextsNoLongerInTheCorpus() throws Exception {
        List<Article> articles = new CorpusLoader().load(Path.of("corpus")).articles();
        List<Article> fewer = articles.subList(0, 2);
        // A vector per unit, and one per question a unit answers (its FAQ question, a heading that asks).
        int all = vectors(articles);
        int kept = vectors(fewer);
        ConceptEmbedder model = new ConceptEmbedder("concepts");
        try (VectorCache cache = VectorCache.open(dir.resolve("vectors"), model.modelId(), model.dimension())) {
            IndexBuilder builder = new IndexBuilder(new NutrientTagger(NutrientLexicon.loadDefault()), new ObjectMapper(),
                    new CachedEmbedder(model, cache));
            IndexGenerations generations = new IndexGenerations(dir.resolve("index"));
            builder.rebuild(articles, generations, null);
            assertEquals(all, cache.size());
            builder.rebuild(fewer, generations, null);
            assertEquals(kept, cache.size(), "the vectors of the three removed articles are gone");
            builder.rebuild(articles, generations, null);
            assertEquals(all, cache.size());
        }
        assertEquals(138 + 7, all, "138 units, 7 with a question of their own");
    }

    private static int vectors(List<Article> articles) {
        return articles.stream().flatMap(a -> a.units().stream())
                .mapToInt(u -> u.askedQuestion() == null ? 1 : 2).sum();
    }
}
