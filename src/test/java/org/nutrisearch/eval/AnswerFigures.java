package org.nutrisearch.eval;

import org.nutrisearch.answer.AnswerCandidates;
import org.nutrisearch.answer.AnswerModel;
import org.nutrisearch.answer.AnswerResult;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.answer.DeclineReason;
import org.nutrisearch.eval.AnswerExamples.AnswerSet;
import org.nutrisearch.eval.AnswerExamples.Example;
import org.nutrisearch.eval.AnswerExamples.Judged;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The figures of one answer set at one threshold: how often the first candidate is right, what is
 * answered right, wrong or declined, and (for graded sets) TREC LiveQA's measures: avgScore (a right
 * grade-4 answer scores 3 … grade 1, ungraded or declined 0), succ@k+ (share of questions answered
 * with grade ≥ k) and prec@k+ (the same over answered questions), beside {@code /api/search}'s first hit.
 *
 * @param accuracyAt1    on-topic questions whose most confident candidate is right, decline aside
 * @param accuracyAt3    … with a right candidate among the first three
 * @param answered       questions answered, of all
 * @param answeredRight  on-topic questions answered with a right unit, of the on-topic ones
 * @param answeredWrong  on-topic questions answered with a unit not known to be right, of the on-topic ones
 * @param ungraded       answers (any question) whose unit no judgement grades
 * @param offTopicDeclined off-topic questions declined, of the off-topic ones
 * @param searchAt1      on-topic questions whose search first hit is right
 * @param avgScore       mean points of the answer (declined: 0); avgScoreFirst of the first candidate
 *                       decline aside; avgScoreSearch of search's first hit
 * @param ambiguous      questions declined as ambiguous; ambiguousRight of them, those whose best
 *                       candidate was not right (the decline spared a wrong answer)
 */
public record AnswerFigures(AnswerSet set, double threshold, int questions, int onTopic, int offTopic,
                            double accuracyAt1, double accuracyAt3, double answered, double answeredRight,
                            double answeredWrong, int ungraded, double onTopicDeclined, double offTopicDeclined,
                            double searchAt1, double avgScore, double avgScoreFirst, double avgScoreSearch,
                            double[] succ, double[] prec, int ambiguous, int ambiguousRight) {

    /** The figures of {@code examples} scored by {@code model(example)} and decided by {@code service}'s policy. */
    public static AnswerFigures of(AnswerSet set, List<Example> examples, Function<Example, AnswerModel> model,
                                   AnswerService service) {
        int on = 0, off = 0, at1 = 0, at3 = 0, answered = 0, right = 0, wrong = 0, ungraded = 0, offDeclined = 0;
        int searchRight = 0, ambiguous = 0, ambiguousRight = 0;
        double points = 0, pointsFirst = 0, pointsSearch = 0;
        int[] succ = new int[5];
        for (Example e : examples) {
            AnswerCandidates ranked = e.rescored(model.apply(e));
            AnswerResult r = service.decide(e.question(), ranked);
            Judged first = ranked.isEmpty() ? null : e.judgementOf(ranked.candidates().getFirst().hit().unit());
            Judged answer = r.answer() == null ? null : e.judgementOf(r.answer().hit().unit());
            if (r.reason() == DeclineReason.AMBIGUOUS) {
                ambiguous++;
                ambiguousRight += first != null && !first.right() ? 1 : 0;
            }
            if (answer != null) {
                answered++;
                ungraded += answer.label() == null ? 1 : 0;
                points += MediqaQuestions.points(answer.grade());
                for (int k = 2; k <= 4; k++) {
                    succ[k] += answer.grade() != null && answer.grade() >= k ? 1 : 0;
                }
            }
            pointsFirst += first == null ? 0 : MediqaQuestions.points(first.grade());
            pointsSearch += e.searchFirst() == null ? 0 : MediqaQuestions.points(e.searchFirst().grade());
            if (e.onTopic()) {
                on++;
                at1 += first != null && first.right() ? 1 : 0;
                at3 += ranked.candidates().stream().limit(3).anyMatch(c -> e.judgementOf(c.hit().unit()).right()) ? 1 : 0;
                searchRight += e.searchFirst() != null && e.searchFirst().right() ? 1 : 0;
                if (answer != null) {
                    if (answer.right()) {
                        right++;
                    } else {
                        wrong++;
                    }
                }
            } else {
                off++;
                offDeclined += r.answer() == null ? 1 : 0;
            }
        }
        int n = examples.size();
        double[] succShare = new double[5];
        double[] precShare = new double[5];
        for (int k = 2; k <= 4; k++) {
            succShare[k] = share(succ[k], n);
            precShare[k] = share(succ[k], answered);
        }
        return new AnswerFigures(set, service.policy().threshold(), n, on, off, share(at1, on), share(at3, on),
                share(answered, n), share(right, on), share(wrong, on), ungraded, share(on - right - wrong, on),
                share(offDeclined, off), share(searchRight, on), points / Math.max(1, n), pointsFirst / Math.max(1, n),
                pointsSearch / Math.max(1, n), succShare, precShare, ambiguous, ambiguousRight);
    }

    private static double share(int k, int n) {
        return n == 0 ? 0 : (double) k / n;
    }

    /** What a wrong answer costs against a right one's gain of 1 (docs/answer.md, "Costs"). */
    public static final double WRONG_COST = 3.0;
    /** What declining a question the corpus answers costs. */
    public static final double DECLINE_COST = 0.5;

    /**
     * The mean utility per question: +1 for a right answer, -{@value #WRONG_COST} for a wrong one (an
     * off-topic question answered included), -{@value #DECLINE_COST} for declining an on-topic question, 0
     * for declining an off-topic one; an answer no judgement grades counts 0 (its worth is unknown).
     */
    public double utility() {
        double right = answeredRight * onTopic;
        double wrongKnown = answeredWrong * onTopic - ungradedOnTopic();
        double declined = onTopicDeclined * onTopic;
        double offAnswered = (1 - offTopicDeclined) * offTopic;
        return questions == 0 ? 0 : (right - WRONG_COST * (wrongKnown + offAnswered) - DECLINE_COST * declined) / questions;
    }

    /** Answers to on-topic questions that no judgement grades (counted as wrong by answeredWrong). */
    private double ungradedOnTopic() {
        return Math.min(ungraded, answeredWrong * onTopic);
    }

    /** Whether the set is graded (MEDIQA): avgScore and succ/prec mean something. */
    public boolean graded() {
        return set == AnswerSet.ALEXA || set == AnswerSet.VALIDATION;
    }

    public static String header() {
        return "| set | questions | acc@1 | acc@3 | search@1 | answered | right | wrong | on-topic declined"
                + " | off-topic declined | avgScore answer | first | search | succ@2+ | succ@3+ | succ@4+ | prec@2+"
                + " | prec@3+ | prec@4+ | ambiguous (right to) | ungraded answers |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    public String row() {
        String graded = graded()
                ? String.format(Locale.ROOT, "%.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f", avgScore,
                avgScoreFirst, avgScoreSearch, succ[2], succ[3], succ[4], prec[2], prec[3], prec[4])
                : "– | – | – | – | – | – | – | – | –";
        return String.format(Locale.ROOT, "| %s | %d (%d on, %d off) | %s | %s | %s | %.3f | %s | %s | %s | %s | %s | %d (%d) | %d |",
                set.label, questions, onTopic, offTopic, on(accuracyAt1), on(accuracyAt3), on(searchAt1), answered,
                on(answeredRight), on(answeredWrong), on(onTopicDeclined), offTopic == 0 ? "–" : fmt(offTopicDeclined),
                graded, ambiguous, ambiguousRight, ungraded);
    }

    private String on(double v) {
        return onTopic == 0 ? "–" : fmt(v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
