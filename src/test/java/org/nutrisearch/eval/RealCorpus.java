package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.CorpusException;
import org.nutrisearch.corpus.CorpusLoad;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.embedding.EmbedderSettings;
import org.nutrisearch.embedding.EmbeddingModelSpec;
import org.nutrisearch.embedding.OnnxEmbedder;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.http.CorpusFixture;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.nio.file.Path;
import org.nutrisearch.answer.AnswerModels;
import org.nutrisearch.answer.AnswerPolicy;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.answer.SynonymCoverage;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.QueryVectors;
import org.nutrisearch.search.query.QuestionWords;

/** The five bundled articles of corpus/ indexed into a folder, and answer services over them (test support). */
public final class RealCorpus {

    private RealCorpus() {
    }

    /** Loads corpus/, indexes it under {@code dir} and opens a backend over it. */
    public static LuceneSearchBackend open(Path dir) throws IOException {
        try {
            return CorpusFixture.openBundled(dir);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot index corpus/", e);
        }
    }

    /**
     * Loads corpus/, indexes it under {@code dir} with a vector per unit from {@code embedder} and opens a
     * backend that embeds queries with it, so semantic and hybrid searches run.
     */
    public static LuceneSearchBackend openWithVectors(Path dir, TextEmbedder embedder) throws IOException {
        CorpusLoad load;
        try {
            load = new CorpusLoader().load(Path.of("corpus"));
        } catch (CorpusException e) {
            throw new IOException("cannot load corpus/", e);
        }
        if (load.articles().size() != 5 || !load.problems().isEmpty()) {
            throw new IllegalStateException("bundled corpus did not load cleanly: " + load.problems());
        }
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(new NutrientTagger(lexicon), json, embedder).rebuild(load.articles(), generations, null);
        LuceneSearchBackend backend = LuceneSearchBackend.open(LiveIndex.open(generations.current().orElseThrow()),
                lexicon, json, RankingOptions.DEFAULTS, SearchMode.LEXICAL, HybridOptions.DEFAULTS);
        backend.useQueryVectors(new QueryVectors(embedder, QueryVectors.DEFAULT_CAPACITY));
        return backend;
    }

    /** The embedding model the server loads (about a second); native libraries go under target/native. */
    public static OnnxEmbedder loadModel() throws IOException {
        return OnnxEmbedder.load(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
                EmbedderSettings.forMachine(Path.of("target", "native")));
    }

    /** The answer service over {@code backend} with the given models, policy and default mode. */
    public static AnswerService answers(LuceneSearchBackend backend, AnswerModels models, AnswerPolicy policy,
                                        SearchMode mode) {
        QuestionWords words = new QuestionWords(TextAnalyzers.english());
        return new AnswerService(backend, words, SynonymCoverage.loadDefault(words),
                new NutrientTagger(NutrientLexicon.loadDefault()), models, policy, mode);
    }
}
