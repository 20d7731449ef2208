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
            // Lexical keeps the weights fitted before the length feature (its weight 0): refitted with
            // it, lexical alexa fell 2.163 -> 2.115 held out and the alternatives it offers changed for the
            // worse (docs/answer.md, fourth round).
            AnswerModel.of(
                    new double[] {0.34, -0.515, 1.407, -1.26, 2.368, 2.14, 0.206, 0.0, 0.0,
                            0.0, 1.087, 1.059, -0.033, 0.418, -2.502, -3.726, 0.455, 0.319, 0.0},
                    -8.568, new double[] {1.734, -0.234, 1.34, 0.641, 0.0, 0.0, -0.29, -2.164}),
            AnswerModel.of(
                    new double[] {-0.222, 0.139, 1.248, -1.887, 1.267, 5.506, -0.119, 1.88, 4.224,
                            -0.614, 1.064, 1.598, 0.477, 1.26, -1.611, -1.805, -0.067, 1.226, 2.424},
                    -5.173, new double[] {0.825, -0.511, 1.495, 1.168, 0.877, 0.019, 0.439, -1.585}),
            AnswerModel.of(
                    new double[] {-0.535, -0.068, 1.341, -1.293, 1.524, 0.494, -0.082, 3.223, 5.369,
                            -0.574, 1.518, 1.38, 0.04, 0.792, -1.627, -2.727, -0.283, 2.036, 2.719},
                    -11.418, new double[] {1.595, -0.248, 0.685, 1.548, 0.369, 0.343, 0.681, -0.906}));

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
