package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.QueryVectors;

/**
 * Indexes NFCorpus into a temporary index with the product's own indexing, runs the judged queries
 * of one split through the product's own search, and scores them. Built with an embedder, the index
 * holds unit vectors and the queries can be run semantically or hybrid too.
 */
public final class NfCorpusEvaluation implements RankedCorpus {

    private final Path tempDir;
    private final LiveIndex index;
    private final NutrientLexicon lexicon;
    private final ObjectMapper json = new ObjectMapper();
    private final IndexSummary summary;
    /** The model the unit vectors came from, which embeds the queries too; null for a lexical-only index. */
    private final TextEmbedder embedder;

    private NfCorpusEvaluation(Path tempDir, LiveIndex index, NutrientLexicon lexicon, IndexSummary summary,
                               TextEmbedder embedder) {
        this.tempDir = tempDir;
        this.index = index;
        this.lexicon = lexicon;
        this.summary = summary;
        this.embedder = embedder;
    }

    /** Reads the corpus of {@code data} and indexes it into a fresh temporary folder. */
    public static NfCorpusEvaluation index(NfCorpus data) throws IOException {
        return index(data.articles(), null);
    }

    /**
     * Indexes {@code articles} into a fresh temporary folder, with each unit's vector from {@code embedder}
     * (null: lexical only).
     */
    public static NfCorpusEvaluation index(List<Article> articles, TextEmbedder embedder) throws IOException {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        Path dir = Files.createTempDirectory("nutrisearch-nfcorpus-");
        try {
            IndexSummary summary = new IndexBuilder(new NutrientTagger(lexicon), new ObjectMapper(), embedder)
                    .write(articles, dir, null);
            return new NfCorpusEvaluation(dir, LiveIndex.open(dir), lexicon, summary, embedder);
        } catch (IOException | RuntimeException e) {
            IndexGenerations.deleteTree(dir);
            throw e;
        }
    }

    @Override
    public IndexSummary summary() {
        return summary;
    }

    /** Scores {@code queries} with the ranking configured by {@code options}. */
    @Override
    public RankingEvaluator.Report run(List<EvalQuery> queries, RankingOptions options) {
        LuceneSearchBackend backend = LuceneSearchBackend.open(index, lexicon, json, options);
        return new RankingEvaluator(backend).run(queries);
    }

    /**
     * Scores {@code queries} retrieved in {@code mode}, fused by {@code hybrid}. Every run embeds its queries
     * afresh (a new query-vector cache), so the latencies are those of first-time queries.
     *
     * @throws IllegalStateException when {@code mode} needs vectors and the index has none
     */
    @Override
    public RankingEvaluator.Report run(List<EvalQuery> queries, RankingOptions options, SearchMode mode,
                                       HybridOptions hybrid) {
        LuceneSearchBackend backend = LuceneSearchBackend.open(index, lexicon, json, options, mode, hybrid);
        if (mode.usesVectors()) {
            if (embedder == null) {
                throw new IllegalStateException(mode.apiName() + " search needs an index built with vectors");
            }
            backend.useQueryVectors(new QueryVectors(embedder, QueryVectors.DEFAULT_CAPACITY));
            if (!backend.vectorsAvailable()) {
                throw new IllegalStateException("the index holds no vectors of " + embedder.modelId());
            }
        }
        return new RankingEvaluator(backend, mode).run(queries);
    }

    @Override
    public void close() throws IOException {
        try {
            index.close();
        } finally {
            IndexGenerations.deleteTree(tempDir);
        }
    }

}
