package org.nutrisearch.eval;

import org.nutrisearch.eval.JudgedSets.JudgedQuestion;
import org.nutrisearch.search.AnswerCandidate;
import org.nutrisearch.search.AnswerConfidence;
import org.nutrisearch.search.AnswerFeatures;
import org.nutrisearch.search.AnswerPolicy;
import org.nutrisearch.search.AnswerService;
import org.nutrisearch.search.LuceneSearchBackend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the answer figures on the judged chatbot questions: accuracy@1, accuracy@3, decline rates at
 * the default threshold, and the trade-off table for thresholds 0.1..0.9. With {@code --detail}, every
 * question's first candidates and their features.
 *
 * <p>Run with {@code scripts/eval-answers.sh [--detail]} (from the repository root: it reads corpus/).
 */
public final class AnswerEvalMain {

    private AnswerEvalMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean detail = Arrays.asList(args).contains("--detail");
        Path dir = Files.createTempDirectory("nutrisearch-eval");
        try (LuceneSearchBackend backend = RealCorpus.open(dir)) {
            System.out.print(report(backend, AnswerConfidence.DEFAULT, detail));
        }
    }

    /** The whole report as text. */
    public static String report(LuceneSearchBackend backend, AnswerConfidence model, boolean detail) {
        List<JudgedQuestion> questions = JudgedSets.answerQuestions();
        AnswerService service = RealCorpus.answers(backend, model, AnswerPolicy.withThreshold(AnswerPolicy.DEFAULT_THRESHOLD));
        List<AnswerEvaluation.Ranked> ranked = AnswerEvaluation.rank(service, questions);
        StringBuilder out = new StringBuilder();
        if (detail) {
            for (AnswerEvaluation.Ranked r : ranked) {
                out.append(detail(r)).append('\n');
            }
        }
        AnswerEvaluation.Figures f = AnswerEvaluation.figures(ranked, service);
        out.append(String.format(Locale.ROOT, "questions: %d on-topic, %d off-topic; threshold %.2f%n",
                f.onTopic(), f.offTopic(), f.threshold()));
        out.append(String.format(Locale.ROOT, "accuracy@1 %.3f  accuracy@3 %.3f  off-topic declined %.3f  "
                        + "on-topic declined %.3f  answered right %.3f  answered wrong %.3f  ambiguous %d%n%n",
                f.accuracyAt1(), f.accuracyAt3(), f.offTopicDeclines(), f.falseDeclines(), f.answeredCorrectly(),
                f.answeredWrongly(), f.ambiguous()));
        out.append(AnswerEvaluation.Figures.header()).append('\n');
        for (int t = 1; t <= 9; t++) {
            AnswerService at = RealCorpus.answers(backend, model, AnswerPolicy.withThreshold(t / 10.0));
            out.append(AnswerEvaluation.figures(ranked, at).row()).append('\n');
        }
        return out.toString();
    }

    private static String detail(AnswerEvaluation.Ranked r) {
        StringBuilder sb = new StringBuilder();
        JudgedQuestion q = r.question();
        sb.append(q.id()).append(' ').append(q.category()).append(" | ").append(q.question()).append('\n');
        int n = 0;
        for (AnswerCandidate c : r.candidates()) {
            if (n++ == 4) {
                break;
            }
            AnswerFeatures f = c.features();
            String text = c.hit().unit().text().replaceAll("\\s+", " ");
            sb.append(String.format(Locale.ROOT, "  %s %.3f cov=%.2f win=%.2f ev=%.2f nm=%.2f rel=%.2f lead=%.2f faq=%.0f %s | %s%n",
                    q.isAnsweredBy(c.hit().unit()) ? "OK" : "--", c.confidence(), f.coverage(), f.window(),
                    f.evidence(), f.nutrientMiss(), f.relScore(), f.lead(), f.faq(), c.hit().unit().id(),
                    text.substring(0, Math.min(90, text.length()))));
        }
        return sb.toString();
    }
}
