package org.nutrisearch.answer;

import org.nutrisearch.search.SearchMode;

import java.util.List;

/**
 * One answer model per way of retrieving candidates: the features mean different things when the
 * candidates came by words (search scores are BM25), by meaning (cosines) or both (fused ranks), so each
 * was fitted on candidates retrieved its own way (docs/answer.md, {@code scripts/eval-answers.sh}).
 *
 * @param lexical  for candidates of a lexical search (also whenever vectors are not available)
 * @param semantic for candidates of a semantic search
 * @param hybrid   for candidates of a hybrid search
 */
public record AnswerModels(AnswerModel lexical, AnswerModel semantic, AnswerModel hybrid) {

    /**
     * Fitted on every judged set (five articles, MEDIQA alexa and validation, everyday off-topic questions)
     * by {@code scripts/eval-answers.sh --mode <mode> --threshold 0.5}; held-out figures in docs/answer.md.
     */
    public static final AnswerModels FITTED = new AnswerModels(
            AnswerModel.of(
                    new double[] {0.337, -0.518, 1.404, -1.257, 2.395, 2.155, 0.203, 0.0, 0.0,
                            0.0, 1.101, 1.052, -0.034, 0.398, -2.513, -3.601, 0.451, 0.304},
                    -8.48, new double[] {1.72, -0.246, 1.375, 0.643, 0.0, 0.0, -0.294, -2.177}),
            AnswerModel.of(
                    new double[] {0.412, 0.073, 1.192, -1.723, 3.651, 4.574, -0.14, 2.056, 3.891,
                            -0.686, 1.082, 1.572, 0.21, 1.113, -2.43, -2.124, 0.557, 0.894},
                    -6.469, new double[] {0.73, -0.362, 1.031, 0.925, 0.775, 0.021, 0.651, -1.577}),
            AnswerModel.of(
                    new double[] {-0.139, -0.372, 1.475, -1.615, 0.964, -0.26, -0.21, 3.763, 5.954,
                            -0.517, 1.667, 1.161, 0.285, 0.423, -2.014, -2.875, -0.116, 2.223},
                    -11.206, new double[] {1.571, -0.25, 0.283, 0.764, 0.638, -0.508, 1.12, -0.978}));

    /** The model for candidates retrieved in {@code mode}. */
    public AnswerModel of(SearchMode mode) {
        return switch (mode) {
            case LEXICAL -> lexical;
            case SEMANTIC -> semantic;
            case HYBRID -> hybrid;
        };
    }

    /**
     * A one-step model: the confidence is the logistic of the ranking score plus {@code bias} (the
     * calibration reads the score alone).
     */
    static AnswerModel pointwise(double bias, double... rank) {
        double[] calibration = new double[AnswerModel.CALIBRATION_NAMES.size()];
        calibration[0] = 1;
        return AnswerModel.of(rank, bias, calibration);
    }

    /** The feature names, for reports. */
    public static List<String> features() {
        return AnswerFeatures.NAMES;
    }
}
