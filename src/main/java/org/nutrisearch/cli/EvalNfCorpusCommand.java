package org.nutrisearch.cli;

import org.nutrisearch.eval.EvalQuery;
import org.nutrisearch.eval.EvalSummary;
import org.nutrisearch.eval.NfCorpus;
import org.nutrisearch.eval.NfCorpusEvaluation;
import org.nutrisearch.eval.RankingEvaluator;
import org.nutrisearch.eval.RankingSteps;
import org.nutrisearch.search.RankingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

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
        long t0 = System.nanoTime();
        try (NfCorpusEvaluation eval = NfCorpusEvaluation.index(corpus)) {
            out.printf(Locale.ROOT, "NFCorpus %s: %d documents indexed in %d ms; %d judged queries%n",
                    data, eval.summary().units(), (System.nanoTime() - t0) / 1_000_000, queries.size());
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

    private void table(PrintStream out, NfCorpusEvaluation eval, List<EvalQuery> queries, List<RankingSteps.Step> runs) {
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
