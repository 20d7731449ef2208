package org.nutrisearch.eval;

import org.nutrisearch.eval.JudgedSets.JudgedQuestion;
import org.nutrisearch.embedding.OnnxEmbedder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nutrisearch.answer.AnswerCandidate;
import org.nutrisearch.answer.AnswerFeatures;
import org.nutrisearch.answer.AnswerModels;
import org.nutrisearch.answer.AnswerPolicy;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

/**
 * Prints the answer figures on the judged chatbot questions per retrieval mode (lexical, semantic,
 * hybrid; each scored by its own fitted model): accuracy@1, accuracy@3, decline rates at the default
 * threshold, and the trade-off table for thresholds 0.1..0.9. With {@code --detail}, every question's
 * first candidates and their features; {@code --mode hybrid} (or a list) limits the modes.
 *
 * <p>Run with {@code scripts/eval-answers.sh [--detail] [--mode m]} (from the repository root: it reads
 * corpus/ and loads the embedding model).
 */
public final class AnswerEvalMain {

    private AnswerEvalMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean detail = Arrays.asList(args).contains("--detail");
        List<SearchMode> modes = modes(args);
        Path dir = Files.createTempDirectory("nutrisearch-eval");
        try (OnnxEmbedder model = RealCorpus.loadModel();
             LuceneSearchBackend backend = RealCorpus.openWithVectors(dir, model)) {
            System.out.print(report(backend, AnswerModels.FITTED, modes, detail));
        }
    }

    /** The modes named by {@code --mode a,b} (all three when none are). */
    static List<SearchMode> modes(String[] args) {
        List<String> a = Arrays.asList(args);
        int i = a.indexOf("--mode");
        if (i < 0 || i + 1 >= a.size()) {
            return List.of(SearchMode.values());
        }
        return Arrays.stream(a.get(i + 1).split(",")).map(SearchMode::fromApiName).toList();
    }

    /** The whole report as text: a summary per mode, then each mode's details and threshold table. */
    public static String report(LuceneSearchBackend backend, AnswerModels models, List<SearchMode> modes,
                                boolean detail) {
        List<JudgedQuestion> questions = JudgedSets.answerQuestions();
        AnswerPolicy policy = AnswerPolicy.withThreshold(AnswerPolicy.DEFAULT_THRESHOLD);
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "per mode at threshold %.2f, each mode scored by its own model%n%s%n", policy.threshold(), modeHeader()));
        StringBuilder body = new StringBuilder();
        for (SearchMode mode : modes) {
            AnswerService service = RealCorpus.answers(backend, models, policy, mode);
            List<AnswerEvaluation.Ranked> ranked = AnswerEvaluation.rank(service, questions, mode);
            AnswerEvaluation.Figures f = AnswerEvaluation.figures(ranked, service);
            summary.append(modeRow(mode, f)).append('\n');
            body.append("\n== ").append(mode.apiName()).append(" ==\n");
            if (detail) {
                for (AnswerEvaluation.Ranked r : ranked) {
                    body.append(detail(r)).append('\n');
                }
            }
            body.append(String.format(Locale.ROOT, "questions: %d on-topic, %d off-topic; threshold %.2f%n",
                    f.onTopic(), f.offTopic(), f.threshold()));
            body.append(String.format(Locale.ROOT, "accuracy@1 %.3f  accuracy@3 %.3f  off-topic declined %.3f  "
                            + "on-topic declined %.3f  answered right %.3f  answered wrong %.3f  ambiguous %d%n%n",
                    f.accuracyAt1(), f.accuracyAt3(), f.offTopicDeclines(), f.falseDeclines(), f.answeredCorrectly(),
                    f.answeredWrongly(), f.ambiguous()));
            body.append(AnswerEvaluation.Figures.header()).append('\n');
            for (int t = 1; t <= 9; t++) {
                AnswerService at = RealCorpus.answers(backend, models, AnswerPolicy.withThreshold(t / 10.0), mode);
                body.append(AnswerEvaluation.figures(ranked, at).row()).append('\n');
            }
        }
        return summary.append(body).toString();
    }

    static String modeHeader() {
        return "| mode | accuracy@1 | accuracy@3 | answered right | answered wrong | on-topic declined"
                + " | off-topic declined | ambiguous |\n|---|---|---|---|---|---|---|---|";
    }

    static String modeRow(SearchMode mode, AnswerEvaluation.Figures f) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d |", mode.apiName(),
                f.accuracyAt1(), f.accuracyAt3(), f.answeredCorrectly(), f.answeredWrongly(), f.falseDeclines(),
                f.offTopicDeclines(), f.ambiguous());
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
            sb.append(String.format(Locale.ROOT, "  %s %.3f cov=%.2f win=%.2f ev=%.2f nm=%.2f rel=%.2f lead=%.2f faq=%.0f sim=%.3f slead=%.3f %s | %s%n",
                    q.isAnsweredBy(c.hit().unit()) ? "OK" : "--", c.confidence(), f.coverage(), f.window(),
                    f.evidence(), f.nutrientMiss(), f.relScore(), f.lead(), f.faq(), f.similarity(), f.similarityLead(),
                    c.hit().unit().id(),
                    text.substring(0, Math.min(90, text.length()))));
        }
        return sb.toString();
    }
}
