package org.nutrisearch.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

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
}
