package org.nutrisearch.eval;

import java.util.List;

/**
 * A linear ranking fitted listwise: per question, the softmax of the candidates' scores
 * {@code s = w·x} should put its mass on the right candidates (conditional logit, the cross-entropy of
 * the softmax against the right ones), L2-regularised, by Newton's method. It learns which candidate
 * of a list is the answer, not how likely any candidate is in absolute terms (test support).
 */
final class ListwiseFit {

    private ListwiseFit() {
    }

    /**
     * One question's candidates.
     *
     * @param x     each candidate's features
     * @param right which candidates are right (at least one)
     * @param weight how much the question counts
     */
    record Group(List<double[]> x, boolean[] right, double weight) {
    }

    /** The weights (no bias: a constant does not change a softmax). */
    static double[] fit(List<Group> groups, boolean[] use, double l2) {
        int d = use.length;
        double[] w = new double[d];
        for (int iter = 0; iter < 100; iter++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            for (Group g : groups) {
                int n = g.x().size();
                double[] s = new double[n];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    s[i] = dot(w, g.x().get(i), use);
                    max = Math.max(max, s[i]);
                }
                double z = 0;
                for (int i = 0; i < n; i++) {
                    s[i] = Math.exp(s[i] - max);
                    z += s[i];
                }
                int positives = 0;
                for (boolean r : g.right()) {
                    positives += r ? 1 : 0;
                }
                double[] mean = new double[d];
                for (int i = 0; i < n; i++) {
                    double p = s[i] / z;
                    double[] xi = g.x().get(i);
                    for (int a = 0; a < d; a++) {
                        mean[a] += p * value(xi, a, use);
                    }
                }
                for (int i = 0; i < n; i++) {
                    double p = s[i] / z;
                    double[] xi = g.x().get(i);
                    double target = g.right()[i] ? 1.0 / positives : 0;
                    for (int a = 0; a < d; a++) {
                        double xa = value(xi, a, use);
                        grad[a] += g.weight() * (p - target) * xa;
                        for (int b = 0; b < d; b++) {
                            hess[a][b] += g.weight() * p * (xa - mean[a]) * (value(xi, b, use) - mean[b]);
                        }
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                grad[a] += l2 * w[a];
                hess[a][a] += l2;
                if (!use[a]) {
                    grad[a] = 0;
                    java.util.Arrays.fill(hess[a], 0);
                    for (int b = 0; b < d; b++) {
                        hess[b][a] = 0;
                    }
                    hess[a][a] = 1;
                }
            }
            double[] step = LogisticFit.solve(hess, grad);
            double change = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-9) {
                break;
            }
        }
        return w;
    }

    private static double value(double[] x, int a, boolean[] use) {
        return use[a] ? x[a] : 0;
    }

    static double dot(double[] w, double[] x, boolean[] use) {
        double s = 0;
        for (int a = 0; a < w.length; a++) {
            s += w[a] * value(x, a, use);
        }
        return s;
    }
}
