package org.nutrisearch.cli;

import org.nutrisearch.corpus.Article;
import org.nutrisearch.embedding.CachedEmbedder;
import org.nutrisearch.embedding.EmbedderSettings;
import org.nutrisearch.embedding.EmbeddingModelSpec;
import org.nutrisearch.embedding.OnnxEmbedder;
import org.nutrisearch.embedding.TextEmbedder;
import org.nutrisearch.embedding.VectorCache;
import org.nutrisearch.eval.EvalQuery;
import org.nutrisearch.eval.EvalSummary;
import org.nutrisearch.eval.HybridVariant;
import org.nutrisearch.eval.NfCorpus;
import org.nutrisearch.eval.NfCorpusEvaluation;
import org.nutrisearch.eval.QueryLatency;
import org.nutrisearch.eval.QueryScore;
import org.nutrisearch.eval.RankedCorpus;
import org.nutrisearch.eval.RankingEvaluator;
import org.nutrisearch.index.IndexSummary;
import org.nutrisearch.opensearch.OpenSearchConnection;
import org.nutrisearch.eval.RankingSteps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;

/**
 * {@code eval-nfcorpus}: indexes NFCorpus into a temporary index and prints nDCG@10 and Recall@100
 * of one split's queries, with the service's ranking (or every ranking step, with --steps).
 */
@Command(name = "eval-nfcorpus", mixinStandardHelpOptions = true,
        description = "Measure ranking quality on NFCorpus (BEIR): nDCG@10 and Recall@100 of a split's queries.")
final class EvalNfCorpusCommand implements Callable<Integer> {

    /** Published BM25 (Anserini, flat) nDCG@10 on the NFCorpus test split, for orientation. */
    static final double PUBLISHED_BM25_TEST_NDCG10 = 0.3218;

    @Option(names = "--data", description = "NFCorpus folder with corpus.jsonl, queries.jsonl and qrels/ (default: ${DEFAULT-VALUE})",
            defaultValue = "../shared/data/nfcorpus")
    Path data;

    @Option(names = "--split", description = "qrels split to evaluate: dev or train (default: ${DEFAULT-VALUE}); tune on these only",
            defaultValue = "dev")
    String split;

    @Option(names = "--steps", description = "also evaluate every ranking step (baseline, + synonyms, ...) and the defaults with each change taken back")
    boolean steps;

    @Option(names = "--field-weights", paramLabel = "H,Q,T",
            description = "also evaluate the defaults with these heading, question and title weights (repeatable), e.g. 1,1,0")
    List<String> fieldWeights = new ArrayList<>();

    @Option(names = "--sample", paramLabel = "N",
            description = "evaluate a fixed random sample of N queries of the split (seed 7) instead of all")
    Integer sample;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "lucene",
            description = "Backend to rank with: lucene (a temporary embedded index) or opensearch (alias "
                    + EVAL_ALIAS + " on --opensearch-url, deleted afterwards). Default: ${DEFAULT-VALUE}.")
    BackendOptions.Backend backend;

    @Option(names = "--opensearch-url", paramLabel = "URLS",
            defaultValue = "${env:NUTRISEARCH_OPENSEARCH_URL:-http://localhost:9200}",
            description = "OpenSearch node URLs for --backend opensearch. Env NUTRISEARCH_OPENSEARCH_URL. Default: ${DEFAULT-VALUE}.")
    String openSearchUrls;

    @Option(names = "--mode", split = ",", paramLabel = "MODE",
            description = "evaluate these retrieval modes (lexical, semantic, hybrid) on an index built with vectors, "
                    + "with latency per mode and indexing time with and without vectors")
    List<String> modes = new ArrayList<>();

    @Option(names = "--fusion", paramLabel = "SPEC",
            description = "hybrid variant to evaluate (repeatable): rrf, rrf:K, linear:W, each optionally followed by "
                    + ":depth=N and :min=X, e.g. rrf:20:depth=50. Default: the service's fusion.")
    List<String> fusions = new ArrayList<>();

    @Option(names = "--min-similarity", paramLabel = "X",
            description = "cosine below which nearest units are dropped, for semantic and every hybrid variant "
                    + "that does not name its own (default: the service's)")
    Double minSimilarity;

    @Option(names = "--vector-cache", paramLabel = "DIR", defaultValue = "bench-data/vector-cache",
            description = "folder of the unit vector cache, so the abstracts are embedded once (default: ${DEFAULT-VALUE})")
    Path vectorCache;

    @Option(names = "--native-dir", paramLabel = "DIR", defaultValue = "bench-data/native",
            description = "folder the embedding model's native libraries are unpacked to (default: ${DEFAULT-VALUE})")
    Path nativeDir;

    /** Queries searched in each mode before the measured runs, so the JIT has compiled the search path. */
    static final int WARM_UP_QUERIES = 20;

    /** The alias NFCorpus is indexed under on OpenSearch: never the service's. */
    static final String EVAL_ALIAS = "nutrisearch-eval-nfcorpus";

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!Files.isRegularFile(data.resolve("corpus.jsonl"))) {
            System.err.println("eval-nfcorpus: no corpus.jsonl under " + data);
            return 2;
        }
        NfCorpus corpus = new NfCorpus(data);
        List<EvalQuery> queries;
        try {
            queries = corpus.queries(split);
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("eval-nfcorpus: no qrels for split '" + split + "' under " + data.resolve("qrels"));
            return 2;
        }
        if (sample != null && sample < queries.size()) {
            List<EvalQuery> shuffled = new ArrayList<>(queries);
            Collections.shuffle(shuffled, new Random(7));
            queries = List.copyOf(shuffled.subList(0, Math.max(1, sample)));
        }
        List<RankingSteps.Step> weighted = new ArrayList<>();
        for (String spec : fieldWeights) {
            String[] w = spec.split(",");
            if (w.length != 3) {
                System.err.println("eval-nfcorpus: --field-weights takes three numbers: heading,question,title");
                return 2;
            }
            try {
                weighted.add(new RankingSteps.Step("defaults with field weights " + spec, RankingOptions.DEFAULTS
                        .withFieldBoosts(Float.parseFloat(w[0]), Float.parseFloat(w[1]), Float.parseFloat(w[2]))));
            } catch (NumberFormatException e) {
                System.err.println("eval-nfcorpus: --field-weights takes three numbers: heading,question,title");
                return 2;
            }
        }
        if (!modes.isEmpty()) {
            return evaluateModes(out, corpus, queries);
        }
        long t0 = System.nanoTime();
        RankedCorpus indexed;
        try {
            indexed = index(corpus);
        } catch (OpenSearchStartup.StartupException e) {
            System.err.println("eval-nfcorpus: " + e.getMessage());
            return 1;
        }
        try (RankedCorpus eval = indexed) {
            out.printf(Locale.ROOT, "NFCorpus %s on %s: %d documents indexed in %d ms; %d judged queries%n",
                    data, backend, eval.summary().units(), (System.nanoTime() - t0) / 1_000_000, queries.size());
            if (steps) {
                table(out, eval, queries, RankingSteps.cumulative());
                out.println();
                table(out, eval, queries, RankingSteps.ablations());
            } else {
                List<RankingSteps.Step> runs = new ArrayList<>();
                runs.add(new RankingSteps.Step("defaults", RankingOptions.DEFAULTS));
                runs.addAll(weighted);
                table(out, eval, queries, runs);
            }
            if (steps && !weighted.isEmpty()) {
                out.println();
                table(out, eval, queries, weighted);
            }
            out.printf(Locale.ROOT, "Published BM25 (Anserini, flat) nDCG@10 on the test split: %.4f%n",
                    PUBLISHED_BM25_TEST_NDCG10);
        }
        return 0;
    }

    /** A retrieval mode and, for hybrid, the fusion evaluated in one row. */
    private record ModeRun(String label, SearchMode mode, HybridOptions hybrid) {
    }

    /** {@code --mode}: the figures of each retrieval mode and fusion variant, latencies and indexing times. */
    private int evaluateModes(PrintStream out, NfCorpus corpus, List<EvalQuery> queries) throws IOException {
        List<ModeRun> runs;
        try {
            runs = modeRuns();
        } catch (IllegalArgumentException e) {
            System.err.println("eval-nfcorpus: " + e.getMessage());
            return 2;
        }
        List<Article> articles = corpus.articles();
        IndexSummary lexicalOnly = null;
        if (backend == BackendOptions.Backend.lucene) {
            try (NfCorpusEvaluation plain = NfCorpusEvaluation.index(articles, null)) {
                lexicalOnly = plain.summary();
            }
        }
        try (OnnxEmbedder model = OnnxEmbedder.load(EmbeddingModelSpec.BGE_SMALL_EN_V15_Q,
                EmbedderSettings.forMachine(nativeDir));
             VectorCache cache = VectorCache.open(vectorCache, model.modelId(), model.dimension())) {
            CachedEmbedder embedder = new CachedEmbedder(model, cache);
            RankedCorpus indexed;
            try {
                indexed = backend == BackendOptions.Backend.lucene ? NfCorpusEvaluation.index(articles, embedder)
                        : openSearchIndex(articles, embedder);
            } catch (OpenSearchStartup.StartupException e) {
                System.err.println("eval-nfcorpus: " + e.getMessage());
                return 1;
            }
            try (RankedCorpus eval = indexed) {
                IndexSummary withVectors = eval.summary();
                out.printf(Locale.ROOT, "NFCorpus %s on %s: %d documents indexed in %d ms; %d judged queries%n",
                        data, backend, withVectors.units(), withVectors.millis(), queries.size());
                if (lexicalOnly != null) {
                    out.printf(Locale.ROOT, "Indexing without vectors: %d units in %d ms (%.0f units/s)%n",
                            lexicalOnly.units(), lexicalOnly.millis(), lexicalOnly.unitsPerSecond());
                }
                out.printf(Locale.ROOT, "Indexing with vectors (%s): %d units in %d ms (%.1f units/s); "
                                + "%d texts embedded, %d from the vector cache %s%n",
                        model.modelId(), withVectors.units(), withVectors.millis(), withVectors.unitsPerSecond(),
                        embedder.misses(), embedder.hits(), cache.file());
                cache.flush();
                List<EvalQuery> warmUp = queries.subList(0, Math.min(WARM_UP_QUERIES, queries.size()));
                for (ModeRun run : runs) {
                    eval.run(warmUp, RankingOptions.DEFAULTS, run.mode(), run.hybrid());
                }
                Map<String, RankingEvaluator.Report> reports = new LinkedHashMap<>();
                out.println(EvalSummary.header("mode (NFCorpus " + split + ", " + queries.size() + " queries)"));
                for (ModeRun run : runs) {
                    RankingEvaluator.Report report = eval.run(queries, RankingOptions.DEFAULTS, run.mode(), run.hybrid());
                    reports.put(run.label(), report);
                    out.println(report.overall().row(run.label()));
                    if (report.otherMode() > 0) {
                        out.printf(Locale.ROOT, "  (%d queries had nothing to embed and ran lexically)%n",
                                report.otherMode());
                    }
                }
                out.println();
                out.println(QueryLatency.header("latency per search, first-time queries, query embedding included"));
                reports.forEach((label, report) -> out.println(report.latency().row(label)));
                printLargestChanges(out, queries, reports);
            }
        }
        out.printf(Locale.ROOT, "Published BM25 (Anserini, flat) nDCG@10 on the test split: %.4f%n",
                PUBLISHED_BM25_TEST_NDCG10);
        return 0;
    }

    /** The rows asked for: each mode once, hybrid once per fusion variant. */
    private List<ModeRun> modeRuns() {
        HybridOptions base = HybridOptions.DEFAULTS;
        if (minSimilarity != null) {
            base = new HybridOptions(base.fusion(), base.rrfK(), base.semanticWeight(), base.depth(), minSimilarity);
        }
        List<HybridVariant> variants = new ArrayList<>();
        for (String spec : fusions) {
            variants.add(HybridVariant.parse(spec, base));
        }
        if (variants.isEmpty()) {
            variants.add(HybridVariant.of(base));
        }
        List<ModeRun> runs = new ArrayList<>();
        for (String name : modes) {
            SearchMode mode = SearchMode.fromApiName(name.strip().toLowerCase(Locale.ROOT));
            if (mode == null) {
                throw new IllegalArgumentException("--mode takes lexical, semantic or hybrid, not '" + name + "'");
            }
            switch (mode) {
                case LEXICAL -> runs.add(new ModeRun("lexical", mode, base));
                case SEMANTIC -> runs.add(new ModeRun(String.format(Locale.ROOT, "semantic min=%.2f",
                        base.minSimilarity()), mode, base));
                case HYBRID -> variants.forEach(v -> runs.add(new ModeRun("hybrid " + v.label(), mode, v.options())));
            }
        }
        return runs;
    }

    /** The queries whose nDCG@10 a hybrid variant changed most against lexical: examples for the docs. */
    private static void printLargestChanges(PrintStream out, List<EvalQuery> queries,
                                            Map<String, RankingEvaluator.Report> reports) {
        RankingEvaluator.Report lexical = reports.get("lexical");
        String hybridLabel = reports.keySet().stream().filter(l -> l.startsWith("hybrid")).findFirst().orElse(null);
        if (lexical == null || hybridLabel == null) {
            return;
        }
        Map<String, Double> before = new LinkedHashMap<>();
        lexical.scores().forEach(s -> before.put(s.id(), s.ndcg10()));
        Map<String, String> texts = new LinkedHashMap<>();
        queries.forEach(q -> texts.put(q.id(), q.text()));
        List<QueryScore> changed = new ArrayList<>(reports.get(hybridLabel).scores());
        changed.sort(Comparator.comparingDouble((QueryScore s) -> s.ndcg10() - before.get(s.id()))
                .thenComparing(QueryScore::id));
        out.println();
        out.println("nDCG@10 lexical -> " + hybridLabel + ", largest losses and gains:");
        int n = changed.size();
        for (int i = 0; i < n; i++) {
            if (i < 5 || i >= n - 5) {
                QueryScore s = changed.get(i);
                out.printf(Locale.ROOT, "  %s %.3f -> %.3f  %s%n", s.id(), before.get(s.id()), s.ndcg10(),
                        texts.get(s.id()));
            }
        }
    }

    /** NFCorpus indexed into the chosen backend. */
    private RankedCorpus index(NfCorpus corpus) throws IOException, OpenSearchStartup.StartupException {
        if (backend == BackendOptions.Backend.lucene) {
            return NfCorpusEvaluation.index(corpus);
        }
        return openSearchIndex(corpus.articles(), null);
    }

    /** {@code articles} indexed into the cluster under {@link #EVAL_ALIAS}, units embedded by {@code embedder} (null: none). */
    private RankedCorpus openSearchIndex(List<Article> articles, TextEmbedder embedder)
            throws IOException, OpenSearchStartup.StartupException {
        BackendOptions options = new BackendOptions();
        options.backend = backend;
        options.openSearchUrls = openSearchUrls;
        options.openSearchAlias = EVAL_ALIAS;
        options.openSearchShards = 1;
        options.openSearchReplicas = 0;
        Services services = Services.create();
        OpenSearchStartup startup = new OpenSearchStartup(services, options, data);
        OpenSearchConnection connection = startup.connect(System.err);
        try {
            return OpenSearchRankedCorpus.index(connection, services, startup.corpusIndexer(connection, embedder), articles,
                    embedder);
        } catch (OpenSearchStartup.StartupException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void table(PrintStream out, RankedCorpus eval, List<EvalQuery> queries, List<RankingSteps.Step> runs) {
        out.println(EvalSummary.header("ranking (NFCorpus " + split + ", " + queries.size() + " queries)"));
        for (RankingSteps.Step step : runs) {
            long t1 = System.nanoTime();
            RankingEvaluator.Report report = eval.run(queries, step.options());
            out.println(report.overall().row(step.name()));
            System.err.printf(Locale.ROOT, "  %s: %d queries in %d ms%n", step.name(), queries.size(),
                    (System.nanoTime() - t1) / 1_000_000);
        }
    }
}
