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
                    new double[] {0.335, -0.511, 1.397, -1.257, 2.406, 2.146, 0.203, 0.0, 0.0,
                            0.0, 1.103, 1.047, -0.034, 0.398, -2.51, -3.602, 0.456, 0.313},
                    -8.578, new double[] {1.733, -0.229, 1.373, 0.628, 0.0, 0.0, -0.287, -2.181}),
            AnswerModel.of(
                    new double[] {0.45, 0.001, 1.208, -1.723, 3.578, 4.525, -0.237, 2.103, 3.863,
                            -0.769, 1.147, 1.423, 0.178, 1.255, -2.374, -2.096, 0.544, 0.84},
                    -6.8, new double[] {0.762, -0.325, 1.062, 0.663, 1.088, -0.311, 0.686, -1.6}),
            AnswerModel.of(
                    new double[] {-0.15, -0.348, 1.488, -1.64, 0.856, -0.815, -0.111, 3.636, 6.189,
                            -0.46, 1.654, 1.207, 0.259, 0.4, -2.046, -2.945, -0.1, 2.316},
                    -10.853, new double[] {1.549, -0.31, 0.459, 0.712, 0.739, -0.535, 1.037, -1.127}));

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
