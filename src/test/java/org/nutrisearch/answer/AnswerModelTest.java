package org.nutrisearch.answer;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer model: a ranking score, then a calibrated confidence from score, margin and a few features. */
class AnswerModelTest {

    private static AnswerFeatures features(double coverage, double similarity, double searchRank) {
        return new AnswerFeatures(coverage, 0, 0, 0, 0, 0, 0, similarity, 0, 0, 0, 0, 0, 0, 0, 0, 0, searchRank, 0);
    }

    private static double[] rank(double coverage, double similarity, double searchRank) {
        double[] w = new double[AnswerFeatures.NAMES.size()];
        w[AnswerFeatures.NAMES.indexOf("coverage")] = coverage;
        w[AnswerFeatures.NAMES.indexOf("similarity")] = similarity;
        w[AnswerFeatures.NAMES.indexOf("searchRank")] = searchRank;
        return w;
    }

    @Test
    void theScoreIsTheWeightedSumOfTheFeatures() {
        AnswerModel model = AnswerModel.of(rank(2, 1, 0.5), 0, new double[AnswerModel.CALIBRATION_NAMES.size()]);
        assertEquals(2 * 0.5 + 0.8 + 0.5 * 1, model.score(features(0.5, 0.8, 1)), 1e-9);
    }

    @Test
    void theConfidenceReadsTheScoreAndTheMarginOverTheBestOtherCandidate() {
        double[] calibration = new double[AnswerModel.CALIBRATION_NAMES.size()];
        calibration[0] = 1; // score
        calibration[1] = 2; // margin
        AnswerModel model = AnswerModel.of(rank(1, 0, 0), -1, calibration);
        List<AnswerFeatures> candidates = List.of(features(1.0, 0, 0), features(0.5, 0, 0));
        double[] c = model.confidences(candidates);
        assertEquals(1 / (1 + Math.exp(-(-1 + 1.0 + 2 * 0.5))), c[0], 1e-9, "score 1, half a point ahead");
        assertEquals(1 / (1 + Math.exp(-(-1 + 0.5 - 2 * 0.5))), c[1], 1e-9, "score 0.5, half a point behind");
        assertArrayEquals(new double[] {1.0, 0.5, 1.0, 0, 0, 0, 0, 0},
                AnswerModel.calibrationInputs(candidates, model.scores(candidates), 0), 1e-9);
        assertEquals(0.0, AnswerModel.calibrationInputs(candidates.subList(0, 1), new double[] {1.0}, 0)[1], 1e-9,
                "a lone candidate has no margin");
    }

    @Test
    void aPointwiseModelIsTheLogisticOfBiasPlusScore() {
        AnswerModel model = AnswerModels.pointwise(-2, rank(3, 0, 0));
        double[] c = model.confidences(List.of(features(1, 0, 0)));
        assertEquals(1 / (1 + Math.exp(-1)), c[0], 1e-9);
    }

    @Test
    void weightsMustMatchTheFeatures() {
        assertThrows(IllegalArgumentException.class, () -> new AnswerModel(List.of(1.0), 0,
                Arrays.stream(new double[AnswerModel.CALIBRATION_NAMES.size()]).boxed().toList()));
        assertThrows(IllegalArgumentException.class, () -> AnswerModel.of(rank(1, 1, 1), 0, new double[] {1}));
    }

    @Test
    void theShippedModelsDoNotAnswerACandidateWithoutEvidence() {
        AnswerFeatures nothing = new AnswerFeatures(0, 0, 0, 0, 0, 0, 0);
        for (AnswerModel m : List.of(AnswerModels.FITTED.lexical(), AnswerModels.FITTED.hybrid())) {
            assertTrue(m.confidences(List.of(nothing))[0] < 0.05, "a candidate with no evidence is not an answer");
        }
    }
}
