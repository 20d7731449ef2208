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
     * by {@code scripts/eval-answers.sh --mode <mode>}; held-out figures in docs/answer.md.
     */
    public static final AnswerModels FITTED = new AnswerModels(
            AnswerModel.of(
                    new double[] {0.34, -0.515, 1.407, -1.26, 2.368, 2.14, 0.206, 0.0, 0.0,
                            0.0, 1.087, 1.059, -0.033, 0.418, -2.502, -3.726, 0.455, 0.319},
                    -8.568, new double[] {1.734, -0.234, 1.34, 0.641, 0.0, 0.0, -0.29, -2.164}),
            AnswerModel.of(
                    new double[] {0.346, -0.198, 1.323, -2.01, 2.243, 5.125, -0.253, 1.811, 3.968,
                            -0.519, 1.174, 1.429, 0.564, 1.059, -1.969, -2.026, 0.331, 1.126},
                    -6.237, new double[] {0.89, -0.45, 1.024, 0.58, 1.019, -0.368, 0.703, -1.852}),
            AnswerModel.of(
                    new double[] {-0.108, -0.341, 1.43, -1.51, 1.519, 0.518, -0.197, 3.421, 5.404,
                            -0.548, 1.725, 1.141, 0.206, 0.456, -2.016, -2.902, 0.02, 2.101},
                    -11.704, new double[] {1.571, -0.244, 0.699, 0.588, 0.749, -0.767, 0.809, -1.247}));

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
