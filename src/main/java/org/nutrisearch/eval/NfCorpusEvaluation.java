package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.LiveIndex;
import org.nutrisearch.search.LuceneSearchBackend;
import org.nutrisearch.search.RankingOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Indexes NFCorpus into a temporary index with the product's own indexing, runs the judged queries
 * of one split through the product's own search, and scores them.
 */
public final class NfCorpusEvaluation implements AutoCloseable {

    private final Path tempDir;
    private final LiveIndex index;
    private final NutrientLexicon lexicon;
    private final ObjectMapper json = new ObjectMapper();
    private final IndexSummary summary;

    private NfCorpusEvaluation(Path tempDir, LiveIndex index, NutrientLexicon lexicon, IndexSummary summary) {
        this.tempDir = tempDir;
        this.index = index;
        this.lexicon = lexicon;
        this.summary = summary;
    }

    /** Reads the corpus of {@code data} and indexes it into a fresh temporary folder. */
    public static NfCorpusEvaluation index(NfCorpus data) throws IOException {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        List<Article> articles = data.articles();
        Path dir = Files.createTempDirectory("nutrisearch-nfcorpus-");
        try {
            IndexSummary summary = new IndexBuilder(new NutrientTagger(lexicon), new ObjectMapper())
                    .write(articles, dir, null);
            return new NfCorpusEvaluation(dir, LiveIndex.open(dir), lexicon, summary);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    public IndexSummary summary() {
        return summary;
    }

    /** Scores {@code queries} with the ranking configured by {@code options}. */
    public RankingEvaluator.Report run(List<EvalQuery> queries, RankingOptions options) {
        LuceneSearchBackend backend = LuceneSearchBackend.open(index, lexicon, json, options);
        return new RankingEvaluator(backend).run(queries);
    }

    @Override
    public void close() throws IOException {
        try {
            index.close();
        } finally {
            deleteTree(tempDir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
