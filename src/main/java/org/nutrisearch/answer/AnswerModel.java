package org.nutrisearch.answer;

import java.util.Arrays;
import java.util.List;

/**
 * Ranks the candidates of one question and says how likely each is a right answer, in two steps fitted
 * apart (docs/answer.md): a linear ranking score over the {@link AnswerFeatures}, fitted on questions the
 * corpus answers (which candidate is the answer?), then a logistic calibration of a candidate's score,
 * its margin over the best other candidate and a few features that tell whether the corpus answers the
 * question at all, fitted with off-topic questions too (is the best candidate right?). Immutable.
 *
 * @param rank        one ranking weight per feature, in {@link AnswerFeatures#NAMES} order
 * @param bias        the calibration's intercept
 * @param calibration one weight per {@link #CALIBRATION_NAMES} input
 */
public record AnswerModel(List<Double> rank, double bias, List<Double> calibration) {

    /** What the calibration reads, in order. */
    public static final List<String> CALIBRATION_NAMES =
            List.of("score", "margin", "coverage", "evidence", "similarity", "questionSimilarity", "focusMiss",
                    "uncovered");

    public AnswerModel {
        rank = List.copyOf(rank);
        calibration = List.copyOf(calibration);
        if (rank.size() != AnswerFeatures.NAMES.size()) {
            throw new IllegalArgumentException("need " + AnswerFeatures.NAMES.size() + " ranking weights, got " + rank.size());
        }
        if (calibration.size() != CALIBRATION_NAMES.size()) {
            throw new IllegalArgumentException("need " + CALIBRATION_NAMES.size() + " calibration weights, got "
                    + calibration.size());
        }
    }

    /** A model from weight arrays, as a fit produces them. */
    public static AnswerModel of(double[] rank, double bias, double[] calibration) {
        return new AnswerModel(Arrays.stream(rank).boxed().toList(), bias, Arrays.stream(calibration).boxed().toList());
    }

    /** The ranking score of one candidate. */
    public double score(AnswerFeatures features) {
        double[] x = features.vector();
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += rank.get(i) * x[i];
        }
        return s;
    }

    /** Each candidate's ranking score, in candidate order. */
    public double[] scores(List<AnswerFeatures> candidates) {
        double[] s = new double[candidates.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = score(candidates.get(i));
        }
        return s;
    }

    /**
     * The calibration inputs of candidate {@code i} among candidates with ranking scores {@code scores}:
     * its score, its margin over the best other candidate (negative when another ranks higher; 0 alone),
     * and the features that say whether anything answers.
     */
    public static double[] calibrationInputs(List<AnswerFeatures> candidates, double[] scores, int i) {
        double bestOther = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < scores.length; k++) {
            if (k != i) {
                bestOther = Math.max(bestOther, scores[k]);
            }
        }
        double margin = bestOther == Double.NEGATIVE_INFINITY ? 0 : scores[i] - bestOther;
        AnswerFeatures f = candidates.get(i);
        return new double[] {scores[i], margin, f.coverage(), f.evidence(), f.similarity(), f.questionSimilarity(),
                f.focusMiss(), f.uncovered()};
    }

    /** Each candidate's confidence (0..1) that it is a right answer, in candidate order. */
    public double[] confidences(List<AnswerFeatures> candidates) {
        return confidences(candidates, scores(candidates));
    }

    /** As {@link #confidences(List)}, from the candidates' ranking scores already computed ({@link #scores}). */
    public double[] confidences(List<AnswerFeatures> candidates, double[] s) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            double[] c = calibrationInputs(candidates, s, i);
            double z = bias;
            for (int k = 0; k < c.length; k++) {
                z += calibration.get(k) * c[k];
            }
            out[i] = 1 / (1 + Math.exp(-z));
        }
        return out;
    }
}
