package org.nutrisearch.eval;

import org.nutrisearch.eval.JudgedSets.JudgedQuestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.nutrisearch.answer.AnswerCandidate;
import org.nutrisearch.answer.AnswerCandidates;
import org.nutrisearch.answer.AnswerConfidence;
import org.nutrisearch.answer.AnswerRequest;
import org.nutrisearch.answer.AnswerResult;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.answer.DeclineReason;
import org.nutrisearch.search.SearchMode;

/**
 * Runs the judged chatbot questions through the answer service and measures it: how often the most
 * confident candidate is a right answer (accuracy@1), how often one of the first three is
 * (accuracy@3), how many off-topic questions are declined and how many on-topic ones are wrongly
 * declined, at a given threshold.
 */
public final class AnswerEvaluation {

    private AnswerEvaluation() {
    }

    /** A judged question with its candidates, most confident first, and the mode that retrieved them. */
    public record Ranked(JudgedQuestion question, List<AnswerCandidate> candidates, SearchMode mode) {
        public Ranked {
            candidates = List.copyOf(candidates);
        }

        AnswerCandidates asCandidates() {
            return new AnswerCandidates(mode, candidates);
        }

        boolean correctAt(int k) {
            return candidates.stream().limit(k).anyMatch(c -> question.isAnsweredBy(c.hit().unit()));
        }
    }

    /**
     * The figures at one threshold.
     *
     * @param accuracyAt1         on-topic questions whose most confident candidate is right (threshold aside)
     * @param accuracyAt3         on-topic questions with a right candidate among the first three
     * @param answeredCorrectly   on-topic questions answered (not declined) with a right unit
     * @param answeredWrongly     on-topic questions answered with a wrong unit
     * @param falseDeclines       on-topic questions declined
     * @param offTopicDeclines    off-topic questions declined
     * @param ambiguous           questions (either kind) declined as ambiguous
     */
    public record Figures(double threshold, int onTopic, int offTopic, double accuracyAt1, double accuracyAt3,
                          double answeredCorrectly, double answeredWrongly, double falseDeclines,
                          double offTopicDeclines, int ambiguous) {

        public String row() {
            return String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d |",
                    threshold, accuracyAt1, accuracyAt3, answeredCorrectly, answeredWrongly, falseDeclines,
                    offTopicDeclines, ambiguous);
        }

        public static String header() {
            return "| threshold | accuracy@1 | accuracy@3 | answered right | answered wrong | on-topic declined"
                    + " | off-topic declined | ambiguous |\n|---|---|---|---|---|---|---|---|";
        }
    }

    /** Ranks the candidates of every question with the service's default mode and its models. */
    public static List<Ranked> rank(AnswerService service, List<JudgedQuestion> questions) {
        return rank(service, questions, null);
    }

    /**
     * Ranks the candidates of every question retrieved in {@code mode} (null: the service's default).
     *
     * @throws IllegalStateException when a question's candidates were retrieved in another mode (no
     *                               vectors): figures labelled semantic must not be lexical ones
     */
    public static List<Ranked> rank(AnswerService service, List<JudgedQuestion> questions, SearchMode mode) {
        List<Ranked> out = new ArrayList<>();
        for (JudgedQuestion q : questions) {
            AnswerRequest request = new AnswerRequest(q.question(), Set.of(), Set.of(), null, mode);
            AnswerCandidates c = service.rank(request);
            SearchMode wanted = mode == null ? service.defaultMode() : mode;
            if (!c.isEmpty() && c.mode() != wanted) {
                throw new IllegalStateException(q.id() + " was retrieved " + c.mode() + ", not " + wanted);
            }
            out.add(new Ranked(q, c.candidates(), c.mode()));
        }
        return out;
    }

    /** The same candidates scored and ordered by another model (features do not depend on the model). */
    public static List<Ranked> rescore(List<Ranked> ranked, Function<JudgedQuestion, AnswerConfidence> model) {
        List<Ranked> out = new ArrayList<>();
        for (Ranked r : ranked) {
            AnswerConfidence m = model.apply(r.question());
            List<AnswerCandidate> c = new ArrayList<>();
            for (AnswerCandidate a : r.candidates()) {
                c.add(a.withConfidence(m.of(a.features())));
            }
            // Search order breaks ties, as in the service: sort is stable and candidates arrive in search order.
            c.sort(Comparator.comparingDouble((AnswerCandidate a) -> -a.confidence()));
            out.add(new Ranked(r.question(), c, r.mode()));
        }
        return out;
    }

    /** The figures when {@code service}'s policy decides over {@code ranked}. */
    public static Figures figures(List<Ranked> ranked, AnswerService service) {
        int on = 0;
        int off = 0;
        int at1 = 0;
        int at3 = 0;
        int right = 0;
        int wrong = 0;
        int falseDeclines = 0;
        int offDeclines = 0;
        int ambiguous = 0;
        for (Ranked r : ranked) {
            AnswerResult result = service.decide(r.question().question(), r.asCandidates());
            if (result.reason() == DeclineReason.AMBIGUOUS) {
                ambiguous++;
            }
            if (r.question().onTopic()) {
                on++;
                at1 += r.correctAt(1) ? 1 : 0;
                at3 += r.correctAt(3) ? 1 : 0;
                if (result.answer() == null) {
                    falseDeclines++;
                } else if (r.question().isAnsweredBy(result.answer().hit().unit())) {
                    right++;
                } else {
                    wrong++;
                }
            } else {
                off++;
                offDeclines += result.answer() == null ? 1 : 0;
            }
        }
        return new Figures(service.policy().threshold(), on, off, share(at1, on), share(at3, on), share(right, on),
                share(wrong, on), share(falseDeclines, on), share(offDeclines, off), ambiguous);
    }

    private static double share(int n, int of) {
        return of == 0 ? 0 : (double) n / of;
    }
}
