package org.nutrisearch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nutrisearch.answer.AnswerCandidate;
import org.nutrisearch.answer.AnswerCandidates;
import org.nutrisearch.answer.AnswerFeatures;
import org.nutrisearch.answer.AnswerModel;
import org.nutrisearch.answer.AnswerRequest;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.eval.JudgedSets.JudgedQuestion;
import org.nutrisearch.eval.MediqaQuestions.MediqaQuestion;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The judged questions of every answer set, each with its candidates as the answer service ranks them
 * and each candidate's judgement, plus what {@code /api/search} puts first: the material the confidence
 * model is fitted and judged on (docs/answer.md).
 */
public final class AnswerExamples {

    /** The question sets. */
    public enum AnswerSet {
        /** 42 on-topic and 18 off-topic questions over the five bundled articles (judged by hand, completed by pooling: eval/README.md). */
        FIVE("five articles"),
        /** MEDIQA's 104 short "alexa" questions over MedQuAD + MEDIQA answers (graded answers). */
        ALEXA("MEDIQA alexa"),
        /** MEDIQA's 24 long consumer messages over the same corpus. */
        VALIDATION("MEDIQA validation"),
        /** 40 everyday questions no health article answers, over the same corpus. */
        GENERAL("general off-topic");

        public final String label;

        AnswerSet(String label) {
            this.label = label;
        }
    }

    /**
     * A candidate and how it was judged.
     *
     * @param label    1 right, 0 wrong, null unknown (an ungraded unit of a MEDIQA question)
     * @param grade    the MEDIQA grade (1–4), or null (ungraded, or a set without grades)
     * @param fitLabel the label a model is fitted on: {@code label}, unless the figures judge with labels
     *                 the fit must not see (the five articles' pooled judgments, to measure a model fitted
     *                 on the first ones)
     */
    public record Judged(AnswerCandidate candidate, Integer label, Integer grade, Integer fitLabel) {
        public Judged(AnswerCandidate candidate, Integer label, Integer grade) {
            this(candidate, label, grade, label);
        }

        public Unit unit() {
            return candidate.hit().unit();
        }

        public boolean right() {
            return label != null && label == 1;
        }

        /** Whether the fit takes this candidate for a right one. */
        public boolean fitRight() {
            return fitLabel != null && fitLabel == 1;
        }
    }

    /**
     * One question.
     *
     * @param onTopic     the corpus holds a right answer (MEDIQA: some answer graded 3 or 4)
     * @param candidates  as the service ranked them (the shipped model's order)
     * @param judged      the same candidates with their judgements
     * @param searchFirst {@code /api/search}'s first hit (the server's default mode), judged; null when
     *                    the search found nothing
     */
    public record Example(AnswerSet set, String id, String question, boolean onTopic, AnswerCandidates candidates,
                          List<Judged> judged, Judged searchFirst) {

        /** The candidates as {@code model} ranks and scores them, best first. */
        public AnswerCandidates rescored(AnswerModel model) {
            List<AnswerFeatures> features = candidates.candidates().stream().map(AnswerCandidate::features).toList();
            double[] scores = model.scores(features);
            double[] confidences = model.confidences(features, scores);
            List<AnswerCandidate> c = new ArrayList<>();
            for (int i = 0; i < features.size(); i++) {
                c.add(candidates.candidates().get(i).scored(scores[i], confidences[i]));
            }
            return new AnswerCandidates(candidates.mode(), AnswerService.ordered(c), candidates.analysis());
        }

        /** The judgement of a unit among this question's candidates. */
        public Judged judgementOf(Unit unit) {
            for (Judged j : judged) {
                if (j.unit().id().equals(unit.id())) {
                    return j;
                }
            }
            throw new IllegalArgumentException(unit.id() + " is not a candidate of " + id);
        }
    }

    private AnswerExamples() {
    }

    /**
     * The five-article questions: a candidate is right when the judged set says so, every other is wrong.
     *
     * @param judgePooled the figures count the answers judged fine on pooling as right
     * @param fitPooled   so does the fit (false: the fit sees the first judgments only)
     */
    public static List<Example> five(AnswerService service, SearchBackend backend, SearchMode mode, boolean judgePooled,
                                     boolean fitPooled) {
        List<Example> out = new ArrayList<>();
        for (JudgedQuestion q : JudgedSets.answerQuestions()) {
            out.add(example(AnswerSet.FIVE, q.id(), q.question(), q.onTopic(), service, backend, mode,
                    u -> new Judged(null, label(q, u, judgePooled), null, label(q, u, fitPooled))));
        }
        return out;
    }

    /** 1 when {@code unit} answers {@code q} (by the pooled judgments too, when {@code pooled}), else 0. */
    private static int label(JudgedQuestion q, Unit unit, boolean pooled) {
        return (pooled ? q.isAnsweredBy(unit) : q.isFirstJudgedAnswer(unit)) ? 1 : 0;
    }

    /** MEDIQA questions: right when graded 3 or 4, wrong when graded 1 or 2, unknown when ungraded. */
    public static List<Example> mediqa(AnswerSet set, List<MediqaQuestion> questions, AnswerService service,
                                       SearchBackend backend, SearchMode mode) {
        List<Example> out = new ArrayList<>();
        for (MediqaQuestion q : questions) {
            out.add(example(set, q.set() + "-" + q.qid(), q.question(), q.answerable(), service, backend, mode, u -> {
                Integer g = q.gradeOf(u);
                return new Judged(null, g == null ? null : g >= 3 ? 1 : 0, g);
            }));
        }
        return out;
    }

    /** Questions no unit answers: every candidate is wrong. */
    public static List<Example> offTopic(AnswerSet set, List<String> questions, AnswerService service,
                                         SearchBackend backend, SearchMode mode) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            out.add(example(set, set.name().toLowerCase() + "-" + (i + 1), questions.get(i), false, service, backend,
                    mode, u -> new Judged(null, 0, null)));
        }
        return out;
    }

    /** The everyday questions of {@code /eval/general-questions.json}. */
    public static List<String> generalQuestions() {
        try (InputStream in = AnswerExamples.class.getResourceAsStream("/eval/general-questions.json")) {
            List<String> out = new ArrayList<>();
            for (JsonNode q : new ObjectMapper().readTree(in).path("questions")) {
                out.add(q.asText());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Example example(AnswerSet set, String id, String question, boolean onTopic, AnswerService service,
                                   SearchBackend backend, SearchMode mode, Function<Unit, Judged> judge) {
        AnswerCandidates ranked = service.rank(new AnswerRequest(question, Set.of(), Set.of(), null, mode));
        if (!ranked.isEmpty() && ranked.mode() != mode) {
            throw new IllegalStateException(id + " was retrieved " + ranked.mode() + ", not " + mode);
        }
        List<Judged> judged = new ArrayList<>();
        for (AnswerCandidate c : ranked.candidates()) {
            Judged j = judge.apply(c.hit().unit());
            judged.add(new Judged(c, j.label(), j.grade(), j.fitLabel()));
        }
        SearchResult first = backend.search(new SearchRequest(question, 1, 0, Set.of(), Set.of(), null, null, mode));
        Judged searchFirst = null;
        if (!first.hits().isEmpty()) {
            SearchHit hit = first.hits().getFirst();
            Judged j = judge.apply(hit.unit());
            searchFirst = new Judged(new AnswerCandidate(hit, null, 0, 0, java.util.Set.of()), j.label(), j.grade(), j.fitLabel());
        }
        return new Example(set, id, question, onTopic, ranked, judged, searchFirst);
    }
}
