package org.nutrisearch.eval;

import org.nutrisearch.eval.JudgedSets.JudgedQuestion;
import org.nutrisearch.embedding.OnnxEmbedder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nutrisearch.answer.AnswerCandidate;
import org.nutrisearch.answer.AnswerConfidence;
import org.nutrisearch.answer.AnswerFeatures;
import org.nutrisearch.answer.AnswerModels;
import org.nutrisearch.answer.AnswerPolicy;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * Fits the answer model's weights on the judged chatbot questions and checks them for overfitting.
 *
 * <p>Every candidate of every question is one example: label 1 when the unit is the expected or an
 * acceptable answer, else 0 (every candidate of an off-topic question is 0). The weights are an
 * L2-regularised logistic regression over {@link AnswerFeatures}; the fit prints them as the Java
 * literal for {@link AnswerConfidence#DEFAULT}, then the figures in-sample and under leave-one-question-out
 * (each question scored by weights fitted on the other questions only).
 *
 * <p>One model per retrieval mode, each fitted on candidates retrieved that way; the lexical model leaves
 * the similarity features out (they are 0 for lexical candidates). Run with
 * {@code scripts/eval-answers.sh --fit [--mode hybrid] [--l2 1] [--features coverage,window,...]}.
 */
public final class AnswerWeightsFit {

    static final double DEFAULT_L2 = 1.0;

    private AnswerWeightsFit() {
    }

    public static void main(String[] args) throws Exception {
        double l2 = DEFAULT_L2;
        List<String> chosen = null;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--l2")) {
                l2 = Double.parseDouble(args[i + 1]);
            } else if (args[i].equals("--features")) {
                chosen = List.of(args[i + 1].split(","));
            }
        }
        Path dir = Files.createTempDirectory("nutrisearch-fit");
        try (OnnxEmbedder model = RealCorpus.loadModel();
             LuceneSearchBackend backend = RealCorpus.openWithVectors(dir, model)) {
            for (SearchMode mode : AnswerEvalMain.modes(args)) {
                boolean[] use = chosen == null ? featuresFor(mode) : named(chosen);
                System.out.print("== " + mode.apiName() + " ==\n" + report(backend, mode, use, l2) + "\n");
            }
        }
    }

    /**
     * The features a mode's model uses: the similarity features only where the candidates have a
     * similarity (semantic and hybrid); for lexical candidates they are always 0.
     */
    static boolean[] featuresFor(SearchMode mode) {
        boolean[] use = new boolean[AnswerFeatures.NAMES.size()];
        for (int f = 0; f < use.length; f++) {
            use[f] = mode.usesVectors() || !AnswerFeatures.NAMES.get(f).startsWith("similarity");
        }
        return use;
    }

    private static boolean[] named(List<String> chosen) {
        boolean[] use = new boolean[AnswerFeatures.NAMES.size()];
        for (int f = 0; f < use.length; f++) {
            use[f] = chosen.contains(AnswerFeatures.NAMES.get(f));
        }
        return use;
    }

    /** Candidates of every judged question retrieved in {@code mode} (their features do not depend on a model). */
    static List<AnswerEvaluation.Ranked> candidates(LuceneSearchBackend backend, SearchMode mode) {
        AnswerService any = RealCorpus.answers(backend, AnswerModels.FITTED,
                AnswerPolicy.withThreshold(AnswerPolicy.DEFAULT_THRESHOLD), mode);
        return AnswerEvaluation.rank(any, JudgedSets.answerQuestions(), mode);
    }

    static String report(LuceneSearchBackend backend, SearchMode mode, boolean[] use, double l2) {
        List<JudgedQuestion> questions = JudgedSets.answerQuestions();
        List<AnswerEvaluation.Ranked> ranked = candidates(backend, mode);

        AnswerConfidence all = fit(ranked, q -> true, use, l2);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "l2 %.2f, features %s%n", l2, enabled(use)));
        out.append("fitted: new AnswerConfidence(").append(literal(all.bias())).append(", List.of(");
        out.append(String.join(", ", all.weights().stream().map(AnswerWeightsFit::literal).toList())).append("))\n\n");

        List<AnswerEvaluation.Ranked> inSample = AnswerEvaluation.rescore(ranked, q -> all);
        out.append("in-sample (weights fitted on all questions)\n").append(table(backend, inSample, all));

        Function<JudgedQuestion, AnswerConfidence> loo = leaveOneOut(ranked, questions, use, l2);
        List<AnswerEvaluation.Ranked> looRanked = AnswerEvaluation.rescore(ranked, loo);
        out.append("\nleave-one-question-out (each question scored by weights fitted without it)\n")
                .append(table(backend, looRanked, all));

        out.append("\ntwo folds (odd ids scored by weights fitted on even ids, and the reverse)\n")
                .append(table(backend, AnswerEvaluation.rescore(ranked, twoFolds(ranked, use, l2)), all));

        out.append(String.format(Locale.ROOT, "%nthreshold chosen under leave-one-out: %.2f%n",
                chooseThreshold(backend, looRanked, all)));
        return out.toString();
    }

    /** Each question's model fitted on all the other questions. */
    static Function<JudgedQuestion, AnswerConfidence> leaveOneOut(List<AnswerEvaluation.Ranked> ranked,
                                                                   List<JudgedQuestion> questions, boolean[] use,
                                                                   double l2) {
        Map<String, AnswerConfidence> heldOut = new HashMap<>();
        for (JudgedQuestion q : questions) {
            heldOut.put(q.id(), fit(ranked, other -> !other.id().equals(q.id()), use, l2));
        }
        return q -> heldOut.get(q.id());
    }

    /** Two folds: odd-numbered questions scored by weights fitted on the even ones, and the reverse. */
    static Function<JudgedQuestion, AnswerConfidence> twoFolds(List<AnswerEvaluation.Ranked> ranked, boolean[] use,
                                                                double l2) {
        AnswerConfidence onEven = fit(ranked, q -> !isOdd(q), use, l2);
        AnswerConfidence onOdd = fit(ranked, AnswerWeightsFit::isOdd, use, l2);
        return q -> isOdd(q) ? onEven : onOdd;
    }

    private static boolean isOdd(JudgedQuestion q) {
        return Integer.parseInt(q.id().substring(1)) % 2 == 1;
    }

    /**
     * The threshold a chatbot should use: the one (in steps of 0.05) with the most right answers minus
     * wrong answers minus answered off-topic questions, the lowest of equals (it declines least). A
     * decline costs nothing here: the bot says it does not know and offers the alternatives.
     */
    static double chooseThreshold(LuceneSearchBackend backend, List<AnswerEvaluation.Ranked> ranked,
                                  AnswerConfidence any) {
        double best = Double.NaN;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int t = 1; t <= 19; t++) {
            AnswerService at = RealCorpus.answers(backend, any, AnswerPolicy.withThreshold(t / 20.0));
            AnswerEvaluation.Figures f = AnswerEvaluation.figures(ranked, at);
            double gain = (f.answeredCorrectly() - f.answeredWrongly()) * f.onTopic()
                    - (1 - f.offTopicDeclines()) * f.offTopic();
            if (gain > bestGain + 1e-9) {
                bestGain = gain;
                best = t / 20.0;
            }
        }
        return best;
    }

    /** Fits on the questions {@code train} accepts. */
    static AnswerConfidence fit(List<AnswerEvaluation.Ranked> ranked, Predicate<JudgedQuestion> train,
                                boolean[] use, double l2) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (AnswerEvaluation.Ranked r : ranked) {
            if (!train.test(r.question())) {
                continue;
            }
            for (AnswerCandidate c : r.candidates()) {
                x.add(c.features().vector());
                y.add(r.question().isAnsweredBy(c.hit().unit()) ? 1 : 0);
            }
        }
        LogisticFit.Model m = LogisticFit.fit(x, y, use, l2);
        return AnswerConfidence.of(m.bias(), m.weights());
    }

    private static String table(LuceneSearchBackend backend, List<AnswerEvaluation.Ranked> ranked, AnswerConfidence any) {
        StringBuilder out = new StringBuilder(AnswerEvaluation.Figures.header()).append('\n');
        for (int t = 1; t <= 19; t++) {
            AnswerService at = RealCorpus.answers(backend, any, AnswerPolicy.withThreshold(t / 20.0));
            out.append(AnswerEvaluation.figures(ranked, at).row()).append('\n');
        }
        return out.toString();
    }

    private static String enabled(boolean[] use) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < use.length; i++) {
            if (use[i]) {
                names.add(AnswerFeatures.NAMES.get(i));
            }
        }
        return String.join(",", names);
    }

    private static String literal(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
