package org.nutrisearch.eval;

import org.nutrisearch.answer.AnswerFeatures;
import org.nutrisearch.answer.AnswerModel;
import org.nutrisearch.eval.AnswerExamples.AnswerSet;
import org.nutrisearch.eval.AnswerExamples.Example;
import org.nutrisearch.eval.AnswerExamples.Judged;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the answer model ({@link AnswerModel}) on judged examples and scores every example held out: by
 * folds of questions across all sets, or by whole sets (fitted on the others: does it transfer?).
 *
 * <p>Two fits, both L2-regularised logistic regressions ({@link LogisticFit}) over the candidates whose
 * judgement is known: the ranking weights on the questions the corpus answers (right candidates against
 * wrong ones of the same questions), then the calibration on every question, off-topic ones included,
 * from each candidate's ranking score, its margin over the best other candidate and a few features. In
 * both, every set weighs the same and within a set every question, so the many MEDIQA candidates do not
 * outweigh the five articles or the off-topic questions; the weights average 1 per row, so the
 * regularisation keeps the strength it has on unweighted rows.
 */
public final class AnswerModelFit {

    /** The regularisation chosen by held-out figures (docs/answer.md). */
    public static final double DEFAULT_L2 = 1.0;

    static final double FIVE_WEIGHT = Double.parseDouble(System.getProperty("nutrisearch.eval.fiveWeight", "1"));

    private final boolean[] use;
    private final double l2;
    /** Whether the ranking is fitted listwise (softmax per question) instead of pointwise. */
    private boolean listwise = Boolean.getBoolean("nutrisearch.eval.listwise");

    /**
     * @param use which features take part in the ranking (by {@link AnswerFeatures#NAMES} position)
     * @param l2  the regularisation strength
     */
    public AnswerModelFit(boolean[] use, double l2) {
        this.use = use.clone();
        this.l2 = l2;
    }

    /** Every feature, regularised by {@link #DEFAULT_L2}. */
    public static AnswerModelFit allFeatures() {
        boolean[] use = new boolean[AnswerFeatures.NAMES.size()];
        Arrays.fill(use, true);
        return new AnswerModelFit(use, DEFAULT_L2);
    }

    /** The same fit without the named features. */
    public AnswerModelFit without(List<String> features) {
        boolean[] u = use.clone();
        for (String f : features) {
            int i = AnswerFeatures.NAMES.indexOf(f);
            if (i < 0) {
                throw new IllegalArgumentException("no feature " + f);
            }
            u[i] = false;
        }
        return new AnswerModelFit(u, l2);
    }

    /** The same fit with another regularisation strength. */
    public AnswerModelFit withL2(double strength) {
        return new AnswerModelFit(use, strength);
    }

    /** The model fitted on {@code examples}. */
    public AnswerModel fit(List<Example> examples) {
        double[] rank = fitRanking(examples);
        AnswerModel ranking = AnswerModel.of(rank, 0, new double[AnswerModel.CALIBRATION_NAMES.size()]);
        Rows rows = new Rows();
        for (Map.Entry<AnswerSet, List<Example>> set : bySet(examples).entrySet()) {
            List<List<double[]>> inputs = new ArrayList<>();
            List<List<Integer>> labels = new ArrayList<>();
            for (Example e : set.getValue()) {
                List<AnswerFeatures> features = e.judged().stream().map(j -> j.candidate().features()).toList();
                double[] scores = ranking.scores(features);
                List<double[]> x = new ArrayList<>();
                List<Integer> y = new ArrayList<>();
                // The decision is about the best-ranked candidate: is it right? Its calibration is fitted on
                // exactly that (a question whose best candidate nobody judged teaches nothing here).
                int top = -1;
                for (int i = 0; i < features.size(); i++) {
                    if (top < 0 || scores[i] > scores[top]) {
                        top = i;
                    }
                }
                Integer label = top < 0 ? null : e.judged().get(top).fitLabel();
                if (label != null) {
                    x.add(AnswerModel.calibrationInputs(features, scores, top));
                    y.add(label);
                }
                if (!x.isEmpty()) {
                    inputs.add(x);
                    labels.add(y);
                }
            }
            rows.addSet(set.getKey(), inputs, labels);
        }
        boolean[] all = new boolean[AnswerModel.CALIBRATION_NAMES.size()];
        Arrays.fill(all, true);
        LogisticFit.Model calibration = rows.fit(all, l2);
        return AnswerModel.of(rank, calibration.bias(), calibration.weights());
    }

    /** The ranking weights: right against wrong candidates of the questions that have a right one. */
    double[] fitRanking(List<Example> examples) {
        if (listwise) {
            return fitListwise(examples);
        }
        Rows rows = new Rows();
        for (Map.Entry<AnswerSet, List<Example>> set : bySet(examples).entrySet()) {
            List<List<double[]>> inputs = new ArrayList<>();
            List<List<Integer>> labels = new ArrayList<>();
            for (Example e : set.getValue()) {
                List<Judged> known = e.judged().stream().filter(j -> j.fitLabel() != null).toList();
                if (known.stream().noneMatch(Judged::fitRight)) {
                    continue;
                }
                inputs.add(known.stream().map(j -> j.candidate().features().vector()).toList());
                labels.add(known.stream().map(Judged::fitLabel).toList());
            }
            rows.addSet(set.getKey(), inputs, labels);
        }
        return rows.fit(use, l2).weights();
    }

    private double[] fitListwise(List<Example> examples) {
        Map<AnswerSet, List<ListwiseFit.Group>> bySet = new EnumMap<>(AnswerSet.class);
        int questions = 0;
        for (Example e : examples) {
            List<Judged> known = e.judged().stream().filter(j -> j.fitLabel() != null).toList();
            boolean[] right = new boolean[known.size()];
            boolean any = false;
            for (int i = 0; i < known.size(); i++) {
                right[i] = known.get(i).fitRight();
                any |= right[i];
            }
            if (any) {
                bySet.computeIfAbsent(e.set(), k -> new ArrayList<>()).add(new ListwiseFit.Group(
                        known.stream().map(j -> j.candidate().features().vector()).toList(), right, 1));
                questions++;
            }
        }
        List<ListwiseFit.Group> groups = new ArrayList<>();
        double perSet = questions / (double) Math.max(1, bySet.size());
        for (List<ListwiseFit.Group> set : bySet.values()) {
            for (ListwiseFit.Group g : set) {
                groups.add(new ListwiseFit.Group(g.x(), g.right(), perSet / set.size()));
            }
        }
        return ListwiseFit.fit(groups, use, l2);
    }

    private static Map<AnswerSet, List<Example>> bySet(List<Example> examples) {
        Map<AnswerSet, List<Example>> out = new EnumMap<>(AnswerSet.class);
        examples.forEach(e -> out.computeIfAbsent(e.set(), k -> new ArrayList<>()).add(e));
        return out;
    }

    /** Rows of a logistic fit, weighted so that every set and, within it, every question weighs the same. */
    private static final class Rows {
        private final List<List<List<double[]>>> sets = new ArrayList<>();
        private final List<List<List<Integer>>> setLabels = new ArrayList<>();
        private final List<Double> setWeight = new ArrayList<>();

        void addSet(AnswerSet set, List<List<double[]>> questions, List<List<Integer>> labels) {
            if (!questions.isEmpty()) {
                sets.add(questions);
                setLabels.add(labels);
                setWeight.add(set == AnswerSet.FIVE ? FIVE_WEIGHT : 1.0);
            }
        }

        LogisticFit.Model fit(boolean[] use, double l2) {
            int total = 0;
            for (List<List<double[]>> set : sets) {
                for (List<double[]> q : set) {
                    total += q.size();
                }
            }
            double perSet = total / (double) Math.max(1, sets.size());
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            for (int s = 0; s < sets.size(); s++) {
                List<List<double[]>> set = sets.get(s);
                for (int q = 0; q < set.size(); q++) {
                    for (int i = 0; i < set.get(q).size(); i++) {
                        x.add(set.get(q).get(i));
                        y.add(setLabels.get(s).get(q).get(i));
                        w.add(perSet * setWeight.get(s) / set.size() / set.get(q).size());
                    }
                }
            }
            return LogisticFit.fit(x, y, w, use, l2);
        }
    }

    /**
     * Each example's model fitted without its fold: questions are dealt into {@code folds} folds by a
     * hash of their id, so every question is scored by a model that never saw it.
     */
    public Map<Example, AnswerModel> crossValidated(List<Example> examples, int folds) {
        List<Example> sorted = new ArrayList<>(examples);
        sorted.sort(Comparator.comparing(Example::id));
        Map<Example, AnswerModel> out = new HashMap<>();
        for (int f = 0; f < folds; f++) {
            int fold = f;
            List<Example> train = sorted.stream().filter(e -> foldOf(e, folds) != fold).toList();
            AnswerModel model = fit(train);
            sorted.stream().filter(e -> foldOf(e, folds) == fold).forEach(e -> out.put(e, model));
        }
        return out;
    }

    /** Reassigns the folds (for checking that a figure does not hang on one split): {@code -Dnutrisearch.eval.foldSalt}. */
    static final String FOLD_SALT = System.getProperty("nutrisearch.eval.foldSalt", "");

    private static int foldOf(Example e, int folds) {
        return Math.floorMod((FOLD_SALT + e.id()).hashCode(), folds);
    }

    /** Each example's model fitted on the other sets only. */
    public Map<Example, AnswerModel> leaveSetOut(List<Example> examples) {
        Map<Example, AnswerModel> out = new HashMap<>();
        for (AnswerSet set : AnswerSet.values()) {
            List<Example> train = examples.stream().filter(e -> e.set() != set).toList();
            List<Example> test = examples.stream().filter(e -> e.set() == set).toList();
            if (test.isEmpty() || train.isEmpty()) {
                continue;
            }
            AnswerModel model = fit(train);
            test.forEach(e -> out.put(e, model));
        }
        return out;
    }
}
