package org.nutrisearch.eval;

import org.nutrisearch.answer.AnswerCandidate;
import org.nutrisearch.answer.AnswerCandidates;
import org.nutrisearch.answer.AnswerModel;
import org.nutrisearch.answer.AnswerFeatures;
import org.nutrisearch.answer.AnswerModels;
import org.nutrisearch.answer.AnswerPolicy;
import org.nutrisearch.answer.AnswerRequest;
import org.nutrisearch.answer.AnswerResult;
import org.nutrisearch.answer.AnswerService;
import org.nutrisearch.answer.QuestionAnalysis;
import org.nutrisearch.embedding.OnnxEmbedder;
import org.nutrisearch.eval.AnswerExamples.AnswerSet;
import org.nutrisearch.eval.AnswerExamples.Example;
import org.nutrisearch.eval.AnswerExamples.Judged;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.lucene.LuceneSearchBackend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Prints the answer figures of every judged set (docs/answer.md): the five bundled articles, and at
 * portal scale (MedQuAD + the graded MEDIQA answers, {@link PortalIndex}) the MEDIQA alexa questions,
 * the long MEDIQA validation messages and everyday off-topic questions. Held-out figures only: every
 * question is scored by a model fitted without it (ten folds across sets), and by a model fitted on the
 * other sets alone (does it transfer?); the shipped model's figures follow for reference.
 *
 * <p>{@code scripts/eval-answers.sh [--sets five,alexa,validation,general] [--mode hybrid|lexical]
 * [--threshold 0.4] [--without f1,f2] [--l2 1] [--detail] [--rebuild] [--first-judgments | --fit-pooled]}.
 * The five-article set is judged with the answers judged fine on pooling and fitted on the first judgments
 * (as the shipped model was); {@code --first-judgments} judges it as first written too, {@code --fit-pooled}
 * fits on the pooled judgments as well. The portal index and its vectors
 * live under {@code $NUTRISEARCH_EVAL_CACHE} (default {@code bench-data/portal}), built once.
 */
public final class AnswerEvalMain {

    static final int FOLDS = 10;
    private static final org.nutrisearch.search.query.QuestionWords WORDS =
            new org.nutrisearch.search.query.QuestionWords(org.nutrisearch.index.TextAnalyzers.english());

    private AnswerEvalMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path data = Path.of(option(a, "--data", "../shared/data"));
        Path cache = Path.of(option(a, "--cache", System.getenv().getOrDefault("NUTRISEARCH_EVAL_CACHE", "bench-data/portal")));
        SearchMode mode = SearchMode.fromApiName(option(a, "--mode", "hybrid"));
        double threshold = Double.parseDouble(option(a, "--threshold", Double.toString(AnswerPolicy.DEFAULT_THRESHOLD)));
        double l2 = Double.parseDouble(option(a, "--l2", Double.toString(AnswerModelFit.DEFAULT_L2)));
        Set<AnswerSet> sets = sets(option(a, "--sets", "five,alexa,validation,general"));
        List<String> without = option(a, "--without", "").isBlank() ? List.of() : List.of(option(a, "--without", "").split(","));
        boolean detail = a.contains("--detail");
        boolean pooled = !a.contains("--first-judgments");
        boolean fitPooled = pooled && a.contains("--fit-pooled");

        AnswerPolicy policy = AnswerPolicy.withThreshold(threshold);
        if (a.contains("--ask")) {
            ask(Path.of(option(a, "--ask", "")), policy, mode, a.contains("--portal") ? data : null, cache);
            return;
        }
        List<Example> examples = new ArrayList<>();
        Map<AnswerSet, LuceneSearchBackend> backends = new EnumMap<>(AnswerSet.class);
        Path five = Files.createTempDirectory("nutrisearch-eval");
        try (OnnxEmbedder model = RealCorpus.loadModel()) {
            try {
                if (sets.contains(AnswerSet.FIVE)) {
                    LuceneSearchBackend backend = RealCorpus.openWithVectors(five, model);
                    backends.put(AnswerSet.FIVE, backend);
                    examples.addAll(AnswerExamples.five(service(backend, policy, mode), backend, mode, pooled, fitPooled));
                }
                if (sets.contains(AnswerSet.ALEXA) || sets.contains(AnswerSet.VALIDATION) || sets.contains(AnswerSet.GENERAL)) {
                    LuceneSearchBackend backend = PortalIndex.open(data, cache, model, a.contains("--rebuild"));
                    for (AnswerSet set : List.of(AnswerSet.ALEXA, AnswerSet.VALIDATION, AnswerSet.GENERAL)) {
                        backends.put(set, backend);
                    }
                    AnswerService service = service(backend, policy, mode);
                    if (sets.contains(AnswerSet.ALEXA)) {
                        examples.addAll(AnswerExamples.mediqa(AnswerSet.ALEXA,
                                MediqaQuestions.read(data, "qa-alexa-train.jsonl"), service, backend, mode));
                    }
                    if (sets.contains(AnswerSet.VALIDATION)) {
                        examples.addAll(AnswerExamples.mediqa(AnswerSet.VALIDATION,
                                MediqaQuestions.read(data, "qa-validation.jsonl"), service, backend, mode));
                    }
                    if (sets.contains(AnswerSet.GENERAL)) {
                        examples.addAll(AnswerExamples.offTopic(AnswerSet.GENERAL, AnswerExamples.generalQuestions(),
                                service, backend, mode));
                    }
                }
                report(examples, sets, backends, policy, mode, without, l2, detail, judging(pooled, fitPooled));
            } finally {
                new java.util.HashSet<>(backends.values()).forEach(LuceneSearchBackend::close);
            }
        }
    }

    /**
     * Asks the shipped model each line of {@code questions} over the five bundled articles (the portal
     * corpus when {@code portalData} is given) and prints what
     * it decides and its best candidates with their features: for reading new questions, judged by nobody.
     */
    private static void ask(Path questions, AnswerPolicy policy, SearchMode mode, Path portalData, Path cache)
            throws Exception {
        Path five = Files.createTempDirectory("nutrisearch-ask");
        try (OnnxEmbedder model = RealCorpus.loadModel();
             LuceneSearchBackend backend = portalData != null ? PortalIndex.open(portalData, cache, model, false)
                     : RealCorpus.openWithVectors(five, model)) {
            AnswerService service = service(backend, policy, mode);
            for (String line : Files.readAllLines(questions)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                AnswerRequest request = new AnswerRequest(line.strip(), Set.of(), Set.of(), null, mode);
                AnswerCandidates ranked = service.rank(request);
                AnswerResult result = service.decide(request.question(), ranked);
                Example e = new Example(AnswerSet.FIVE, result.answer() != null ? "answered"
                        : "declined " + result.reason().apiName(), line.strip(), true, ranked,
                        ranked.candidates().stream().map(c -> new Judged(c, null, null)).toList(), null);
                System.out.print(detail(e, AnswerModels.FITTED.of(mode)));
            }
        }
    }

    private static String judging(boolean pooled, boolean fitPooled) {
        return !pooled ? "judged and fitted as first judged"
                : fitPooled ? "judged and fitted with pooling" : "judged with pooling, fitted as first judged";
    }

    private static AnswerService service(LuceneSearchBackend backend, AnswerPolicy policy, SearchMode mode) {
        return RealCorpus.answers(backend, AnswerModels.FITTED, policy, mode);
    }

    private static void report(List<Example> examples, Set<AnswerSet> sets, Map<AnswerSet, LuceneSearchBackend> backends,
                               AnswerPolicy policy, SearchMode mode, List<String> without, double l2, boolean detail,
                               String judging) {
        AnswerModelFit fit = AnswerModelFit.allFeatures().without(without).withL2(l2);
        Map<Example, AnswerModel> folds = fit.crossValidated(examples, FOLDS);
        AnswerModel shipped = AnswerModels.FITTED.of(mode);
        Function<AnswerSet, AnswerService> deciders = set -> service(backends.get(set), policy, mode);
        System.out.printf(Locale.ROOT, "mode %s, threshold %.2f, features without %s, l2 %.2f, five articles %s%n%n",
                mode.apiName(), policy.threshold(), without, l2, judging);
        print("held out: ten folds of questions across sets", sets, examples, folds::get, deciders);
        if (sets.size() > 1) { // one set alone has no other to fit on
            Map<Example, AnswerModel> bySet = fit.leaveSetOut(examples);
            print("held out: each set scored by a model fitted on the other sets", sets, examples, bySet::get, deciders);
        }
        print("shipped model", sets, examples, e -> shipped, deciders);
        System.out.printf(Locale.ROOT, "threshold sweep, held out (ten folds); utility: right +1, wrong -%.1f, "
                + "on-topic declined -%.1f, mean over sets%n", AnswerFigures.WRONG_COST, AnswerFigures.DECLINE_COST);
        for (int t = 10; t <= 80; t += 5) {
            AnswerPolicy at = AnswerPolicy.withThreshold(t / 100.0);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.2f", t / 100.0));
            double utility = 0;
            for (AnswerSet set : sets) {
                AnswerFigures f = AnswerFigures.of(set, of(examples, set), folds::get, service(backends.get(set), at, mode));
                utility += f.utility() / sets.size();
                line.append(String.format(Locale.ROOT, " | %s: answered %.3f right %.3f wrong %.3f off-declined %s%s",
                        set.name().toLowerCase(Locale.ROOT), f.answered(), f.answeredRight(), f.answeredWrong(),
                        f.offTopic() == 0 ? "–" : String.format(Locale.ROOT, "%.3f", f.offTopicDeclined()),
                        f.graded() ? String.format(Locale.ROOT, " avgScore %.3f", f.avgScore()) : ""));
            }
            System.out.println(String.format(Locale.ROOT, "utility %.3f | ", utility) + line);
        }
        AnswerModel all = fit.fit(examples);
        System.out.println("\nmodel fitted on every set (" + mode.apiName() + "): ranking weights");
        for (int i = 0; i < AnswerFeatures.NAMES.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-20s %.3f%n", AnswerFeatures.NAMES.get(i), all.rank().get(i));
        }
        System.out.printf(Locale.ROOT, "calibration: bias %.3f%n", all.bias());
        for (int i = 0; i < AnswerModel.CALIBRATION_NAMES.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-20s %.3f%n", AnswerModel.CALIBRATION_NAMES.get(i), all.calibration().get(i));
        }
        System.out.println("as code: AnswerModel.of(new double[] " + java.util.Arrays.toString(all.rank().stream()
                .mapToDouble(Double::doubleValue).map(v -> Math.round(v * 1000) / 1000.0).toArray()).replace('[', '{').replace(']', '}')
                + ", " + Math.round(all.bias() * 1000) / 1000.0 + ", new double[] " + java.util.Arrays.toString(all.calibration()
                .stream().mapToDouble(Double::doubleValue).map(v -> Math.round(v * 1000) / 1000.0).toArray())
                .replace('[', '{').replace(']', '}') + ")");
        if (detail) {
            for (Example e : examples) {
                System.out.println(detail(e, folds.get(e)));
            }
        }
    }

    private static void print(String title, Set<AnswerSet> sets, List<Example> examples,
                              Function<Example, AnswerModel> model, Function<AnswerSet, AnswerService> deciders) {
        System.out.println(title);
        System.out.println(AnswerFigures.header());
        for (AnswerSet set : sets) {
            System.out.println(AnswerFigures.of(set, of(examples, set), model, deciders.apply(set)).row());
        }
        System.out.println();
    }

    private static List<Example> of(List<Example> examples, AnswerSet set) {
        return examples.stream().filter(e -> e.set() == set).toList();
    }

    private static String detail(Example e, AnswerModel model) {
        StringBuilder sb = new StringBuilder();
        AnswerCandidates ranked = e.rescored(model);
        QuestionAnalysis q = ranked.analysis();
        sb.append(String.format(Locale.ROOT, "%n[%s] %s%n  asking: %s | focus: %s | type: %s%n", e.id(), e.question(),
                q == null ? "-" : q.asking(), q == null || q.focus() == null ? "-" : q.focus().label(),
                q == null || q.type() == null ? "-" : q.type().apiName()));
        if (e.searchFirst() != null) {
            sb.append(String.format(Locale.ROOT, "  search first: %s %s%n", judgement(e.searchFirst()),
                    e.searchFirst().unit().id()));
        }
        if (q != null && !ranked.candidates().isEmpty()) {
            // The question's terms the best candidate's text, heading and question do not have (as analysed
            // for search: synonyms and misspellings are not taken into account here).
            org.nutrisearch.corpus.Unit u = ranked.candidates().getFirst().hit().unit();
            java.util.Set<String> has = new java.util.HashSet<>(WORDS.terms(u.text() + "\n" + u.heading() + "\n"
                    + (u.question() == null ? "" : u.question()) + "\n" + u.articleTitle()));
            sb.append("  terms: ").append(q.content().terms()).append(" | not in the best: ")
                    .append(q.content().terms().stream().filter(t -> !has.contains(t)).toList()).append('\n');
        }
        int shown = 0;
        boolean rightShown = false;
        for (AnswerCandidate c : ranked.candidates()) {
            boolean right = e.judgementOf(c.hit().unit()).label() != null && e.judgementOf(c.hit().unit()).label() == 1;
            if (shown++ >= 4 && (rightShown || !right)) {
                // Past the first four, only the best right candidate, so a reader sees how far down it is.
                continue;
            }
            if (shown > 4) {
                sb.append("  first right at ").append(shown).append(" of ").append(ranked.candidates().size()).append(":\n");
            }
            rightShown |= right;
            Judged j = e.judgementOf(c.hit().unit());
            double[] v = c.features().vector();
            StringBuilder fv = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                if (v[i] != 0) {
                    fv.append(AnswerFeatures.NAMES.get(i)).append('=').append(String.format(Locale.ROOT, "%.2f", v[i])).append(' ');
                }
            }
            sb.append(String.format(Locale.ROOT, "  %.3f %s %s | %s | %s%n", c.confidence(), judgement(j), c.hit().unit().id(),
                    abbreviate(c.hit().unit().askedQuestion() != null ? c.hit().unit().askedQuestion() : c.hit().unit().articleTitle()), fv));
        }
        return sb.toString();
    }

    private static String judgement(Judged j) {
        return j.grade() != null ? "g" + j.grade() : j.label() == null ? "?" : j.label() == 1 ? "RIGHT" : "wrong";
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 70 ? s : s.substring(0, 67) + "...";
    }

    private static String option(List<String> args, String name, String otherwise) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : otherwise;
    }

    private static Set<AnswerSet> sets(String list) {
        Set<AnswerSet> out = EnumSet.noneOf(AnswerSet.class);
        for (String s : list.split(",")) {
            out.add(AnswerSet.valueOf(s.strip().toUpperCase(Locale.ROOT)));
        }
        return out;
    }
}
