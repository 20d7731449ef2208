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

    /** Fitted on every judged set (five articles, MEDIQA alexa and validation, off-topic questions). */
    public static final AnswerModels FITTED = new AnswerModels(
            pointwise(-5.475, 1.092, 1.549, 2.144, -1.332, 0.910, 1.085, 1.076, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            pointwise(-8.133, 0.819, 1.333, 2.293, -0.674, 2.428, 2.850, 0.935, 1.532, 2.312, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            pointwise(-7.898, 0.784, 1.285, 1.843, -0.619, 2.883, 3.040, 0.901, 1.539, 2.376, 0, 0, 0, 0, 0, 0, 0, 0, 0));

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
