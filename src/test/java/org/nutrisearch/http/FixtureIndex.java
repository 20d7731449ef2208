package org.nutrisearch.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Builds an index from articles in a temporary folder and opens a backend over it (test support). */
final class FixtureIndex {

    private FixtureIndex() {
    }

    static ObjectMapper json() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    static LuceneSearchBackend open(Path dir, List<Article> articles) throws IOException {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(tagger, json()).rebuild(articles, generations, null);
        // Wired as the service is: synonyms, nutrient boost and typo tolerance on.
        return LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()), lexicon, json());
    }

    /**
     * The same with every unit embedded by {@code model}, searching hybrid by default and embedding queries
     * with it (a cache of 16). The caller closes the model after the backend.
     */
    static LuceneSearchBackend openHybrid(Path dir, List<Article> articles, TextEmbedder model) throws IOException {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(new NutrientTagger(lexicon), json(), model).rebuild(articles, generations, null);
        LuceneSearchBackend backend = LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()),
                lexicon, json(), RankingOptions.DEFAULTS, SearchMode.HYBRID, HybridOptions.DEFAULTS);
        backend.useQueryVectors(new QueryVectors(model, 16));
        return backend;
    }
}
