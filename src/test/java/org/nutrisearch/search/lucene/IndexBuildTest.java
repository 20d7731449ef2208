package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.CorpusManifest;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.IndexBuild;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The embedded backend names the generation it serves and the corpus that generation was built from. */
class IndexBuildTest {

    @Test
    void theServedGenerationAndItsCorpusManifestDigest(@TempDir Path dir) throws Exception {
        Path corpus = Path.of("corpus");
        CorpusManifest manifest = CorpusManifest.scan(corpus);
        IndexGenerations generations = new IndexGenerations(dir);
        IndexBuilder builder = new IndexBuilder(new NutrientTagger(NutrientLexicon.loadDefault()), new ObjectMapper());
        var articles = new CorpusLoader().load(corpus).articles();
        builder.rebuild(articles, generations, null);
        builder.rebuild(articles, generations, null, manifest);
        try (LuceneSearchBackend backend = LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()),
                NutrientLexicon.loadDefault(), new ObjectMapper())) {
            assertEquals(Optional.of(new IndexBuild("gen-000002", manifest.digest())), backend.build());
        }
    }
}
