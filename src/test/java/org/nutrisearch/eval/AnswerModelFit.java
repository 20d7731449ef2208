package org.nutrisearch.eval;

import org.nutrisearch.answer.AnswerConfidence;
import org.nutrisearch.answer.AnswerFeatures;
import org.nutrisearch.eval.AnswerExamples.Example;
import org.nutrisearch.eval.AnswerExamples.Judged;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the answer confidence model on judged examples and scores every example held out: by folds of
 * questions across all sets, or by whole sets (fitted on the others: does it transfer?). The fit is an
 * L2-regularised logistic regression ({@link LogisticFit}) over every candidate whose judgement is
 * known; each question weighs the same, however many candidates it has, so a set of many long
 * questions does not outweigh the rest.
 */
public final class AnswerModelFit {

    /** The regularisation chosen by held-out figures (docs/answer.md). */
    public static final double DEFAULT_L2 = 1.0;

    private final boolean[] use;
    private final double l2;

    /**
     * @param use which features take part (by {@link AnswerFeatures#NAMES} position); the rest weigh 0
     * @param l2  the regularisation strength
     */
    public AnswerModelFit(boolean[] use, double l2) {
        this.use = use.clone();
        this.l2 = l2;
    }

    /** Every feature, regularised by {@link #DEFAULT_L2}. */
    public static AnswerModelFit allFeatures() {
        boolean[] use = new boolean[AnswerFeatures.NAMES.size()];
        java.util.Arrays.fill(use, true);
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

    /** The model fitted on every judged candidate of {@code examples}. */
    public AnswerConfidence fit(List<Example> examples) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        List<List<Judged>> byQuestion = new ArrayList<>();
        for (Example e : examples) {
            List<Judged> known = e.judged().stream().filter(j -> j.label() != null).toList();
            if (!known.isEmpty()) {
                byQuestion.add(known);
            }
        }
        // Every question weighs the same; the weights average 1 per row, so the regularisation keeps the
        // strength it has on unweighted rows.
        double rowsPerQuestion = byQuestion.stream().mapToInt(List::size).sum() / (double) Math.max(1, byQuestion.size());
        for (List<Judged> known : byQuestion) {
            for (Judged j : known) {
                x.add(j.candidate().features().vector());
                y.add(j.label());
                w.add(rowsPerQuestion / known.size());
            }
        }
        LogisticFit.Model m = LogisticFit.fit(x, y, w, use, l2);
        return AnswerConfidence.of(m.bias(), m.weights());
    }

    /**
     * Each example's model fitted without its fold: questions are dealt into {@code folds} folds in a
     * fixed order (by id), so every question is scored by a model that never saw it.
     */
    public Map<Example, AnswerConfidence> crossValidated(List<Example> examples, int folds) {
        List<Example> sorted = new ArrayList<>(examples);
        sorted.sort(java.util.Comparator.comparing(Example::id));
        Map<Example, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            foldOf.put(sorted.get(i), Math.floorMod(sorted.get(i).id().hashCode(), folds));
        }
        Map<Example, AnswerConfidence> out = new HashMap<>();
        for (int f = 0; f < folds; f++) {
            int fold = f;
            List<Example> train = sorted.stream().filter(e -> foldOf.get(e) != fold).toList();
            AnswerConfidence model = fit(train);
            sorted.stream().filter(e -> foldOf.get(e) == fold).forEach(e -> out.put(e, model));
        }
        return out;
    }

    /** Each example's model fitted on the other sets only. */
    public Map<Example, AnswerConfidence> leaveSetOut(List<Example> examples) {
        Map<Example, AnswerConfidence> out = new HashMap<>();
        for (AnswerExamples.AnswerSet set : AnswerExamples.AnswerSet.values()) {
            List<Example> train = examples.stream().filter(e -> e.set() != set).toList();
            List<Example> test = examples.stream().filter(e -> e.set() == set).toList();
            if (test.isEmpty()) {
                continue;
            }
            AnswerConfidence model = fit(train);
            test.forEach(e -> out.put(e, model));
        }
        return out;
    }
}
