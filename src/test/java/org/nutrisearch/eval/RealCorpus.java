package org.nutrisearch.eval;

import org.nutrisearch.http.CorpusFixture;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.AnswerConfidence;
import org.nutrisearch.search.AnswerPolicy;
import org.nutrisearch.search.AnswerService;
import org.nutrisearch.search.LuceneSearchBackend;
import org.nutrisearch.search.QuestionWords;
import org.nutrisearch.search.SynonymCoverage;

import java.io.IOException;
import java.nio.file.Path;

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

    /** The answer service over {@code backend} with the given model and policy. */
    public static AnswerService answers(LuceneSearchBackend backend, AnswerConfidence model, AnswerPolicy policy) {
        QuestionWords words = new QuestionWords(TextAnalyzers.english());
        return new AnswerService(backend, words, SynonymCoverage.loadDefault(words),
                new NutrientTagger(NutrientLexicon.loadDefault()), model, policy);
    }
}
