package org.nutrisearch.eval;

import java.util.List;

/**
 * L2-regularised logistic regression fitted by Newton's method: small, exact and deterministic, which
 * is all the answer model's handful of weights needs (test support, used by {@link AnswerWeightsFit}).
 */
final class LogisticFit {

    private LogisticFit() {
    }

    /**
     * The fitted model.
     *
     * @param bias    the intercept (not regularised)
     * @param weights one per feature column
     */
    record Model(double bias, double[] weights) {
    }

    /**
     * Fits {@code P(y=1|x) = σ(b + w·x)} minimising the log loss plus {@code l2/2 · |w|²}.
     *
     * @param x       rows of features
     * @param y       labels, 0 or 1
     * @param use     which feature columns take part (the others keep weight 0)
     * @param l2      the regularisation strength
     */
    static Model fit(List<double[]> x, List<Integer> y, boolean[] use, double l2) {
        return fit(x, y, java.util.Collections.nCopies(x.size(), 1.0), use, l2);
    }

    /** As {@link #fit(List, List, boolean[], double)}, each row's loss weighted by {@code weight}. */
    static Model fit(List<double[]> x, List<Integer> y, List<Double> weight, boolean[] use, double l2) {
        int d = use.length;
        double[] beta = new double[d + 1]; // beta[0] is the bias
        for (int iter = 0; iter < 100; iter++) {
            double[] grad = new double[d + 1];
            double[][] hess = new double[d + 1][d + 1];
            for (int i = 0; i < x.size(); i++) {
                double[] row = withBias(x.get(i), use);
                double p = sigmoid(dot(beta, row));
                double err = (p - y.get(i)) * weight.get(i);
                double w = p * (1 - p) * weight.get(i);
                for (int a = 0; a <= d; a++) {
                    grad[a] += err * row[a];
                    for (int b = 0; b <= d; b++) {
                        hess[a][b] += w * row[a] * row[b];
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                grad[a] += l2 * beta[a];
                hess[a][a] += l2;
                if (!use[a - 1]) {
                    // A column left out: pin its weight to 0.
                    grad[a] = 0;
                    java.util.Arrays.fill(hess[a], 0);
                    for (int b = 0; b <= d; b++) {
                        hess[b][a] = 0;
                    }
                    hess[a][a] = 1;
                }
            }
            double[] step = solve(hess, grad);
            double change = 0;
            for (int a = 0; a <= d; a++) {
                beta[a] -= step[a];
                change = Math.max(change, Math.abs(step[a]));
            }
            if (change < 1e-9) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(beta, 1, weights, 0, d);
        return new Model(beta[0], weights);
    }

    private static double[] withBias(double[] x, boolean[] use) {
        double[] row = new double[x.length + 1];
        row[0] = 1;
        for (int i = 0; i < x.length; i++) {
            row[i + 1] = use[i] ? x[i] : 0;
        }
        return row;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves {@code a · x = b} by Gaussian elimination with partial pivoting (a is small and positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
