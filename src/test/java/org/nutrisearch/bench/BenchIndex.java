package org.nutrisearch.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.LiveIndex;
import org.nutrisearch.search.LuceneSearchBackend;
import org.nutrisearch.search.SnippetBuilder;
import org.nutrisearch.search.UnitQueryBuilder;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a built index (an {@code index} command's folder) the way {@code serve} does, for benchmarks. */
final class BenchIndex {

    private BenchIndex() {
    }

    static LuceneSearchBackend open(String indexRoot) throws IOException {
        Path generation = new IndexGenerations(Path.of(indexRoot)).current().orElseThrow(() ->
                new IllegalStateException("no built index in " + Path.of(indexRoot).toAbsolutePath()
                        + " (run scripts/bench/corpora.sh first)"));
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        Analyzer analyzer = TextAnalyzers.english();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new LuceneSearchBackend(LiveIndex.open(generation), lexicon, new UnitQueryBuilder(analyzer),
                new SnippetBuilder(analyzer, tagger), json);
    }
}
