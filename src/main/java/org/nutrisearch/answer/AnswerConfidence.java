package org.nutrisearch.answer;

import java.util.Arrays;
import java.util.List;

/**
 * Turns {@link AnswerFeatures} into a confidence in [0, 1]: a logistic model,
 * {@code 1 / (1 + exp(-(bias + Σ weight_i · feature_i)))}, read as the chance that the unit is a right
 * answer to the question. The weights were fitted on the judged chatbot questions (see
 * {@code docs/answer.md} for how, and for the leave-one-out check). Immutable.
 *
 * @param bias    the intercept
 * @param weights one weight per feature, in {@link AnswerFeatures#NAMES} order
 */
public record AnswerConfidence(double bias, List<Double> weights) {

    /**
     * The model for lexically retrieved candidates, fitted by {@code AnswerWeightsFit} on
     * src/test/resources/eval/answer-questions.json (docs/answer.md). The similarity features are 0 for
     * such candidates, and so are their weights.
     */
    public static final AnswerConfidence DEFAULT = new AnswerConfidence(-5.475,
            List.of(1.092, 1.549, 2.144, -1.332, 0.910, 1.085, 1.076, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0));
    /** The model for candidates retrieved by meaning alone ({@code mode=semantic}), fitted as {@link #DEFAULT}. */
    public static final AnswerConfidence SEMANTIC = new AnswerConfidence(-8.133,
            List.of(0.819, 1.333, 2.293, -0.674, 2.428, 2.850, 0.935, 1.532, 2.312, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0));
    /** The model for candidates of a hybrid search ({@code mode=hybrid}), fitted as {@link #DEFAULT}. */
    public static final AnswerConfidence HYBRID = new AnswerConfidence(-7.898,
            List.of(0.784, 1.285, 1.843, -0.619, 2.883, 3.040, 0.901, 1.539, 2.376, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0));

    public AnswerConfidence {
        weights = List.copyOf(weights);
        if (weights.size() != AnswerFeatures.NAMES.size()) {
            throw new IllegalArgumentException("need " + AnswerFeatures.NAMES.size() + " weights, got " + weights.size());
        }
    }

    /** A model from a bias and a weight array (as a fit produces it). */
    public static AnswerConfidence of(double bias, double[] weights) {
        return new AnswerConfidence(bias, Arrays.stream(weights).boxed().toList());
    }

    /** The weighted sum before the logistic. */
    public double logit(AnswerFeatures features) {
        double[] x = features.vector();
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights.get(i) * x[i];
        }
        return z;
    }

    /** The confidence that a unit with these features answers the question. */
    public double of(AnswerFeatures features) {
        return 1 / (1 + Math.exp(-logit(features)));
    }
}
