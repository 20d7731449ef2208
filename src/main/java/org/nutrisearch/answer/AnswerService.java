package org.nutrisearch.answer;

import org.nutrisearch.corpus.Unit;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.PlannedSearch;
import org.nutrisearch.search.SearchBackend;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.Snippet;
import org.nutrisearch.search.query.QuestionWords;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Answers a question in everyday words with one unit, or declines: reads the question once
 * ({@link QuestionAnalyzer}), takes search's hits for what it asks and the units whose own question is
 * nearest, ranks them and estimates how likely the best is right ({@link AnswerModel}), and answers when
 * that clears the threshold and no equally likely candidate about another subject says something else.
 * Talks to search only through {@link SearchBackend}, so every backend serves it. Thread-safe.
 */
public final class AnswerService {

    /** Search hits considered per question. */
    public static final int CANDIDATES = 30;
    /** Units found by their own question (nearest FAQ questions) considered besides the search hits. */
    public static final int QUESTION_CANDIDATES = 10;
    /** Further candidates returned with an answer (or instead of one). */
    public static final int ALTERNATIVES = 3;
    /** Said with every answer whose article has no disclaimer of its own, and with every decline. */
    public static final String STANDARD_DISCLAIMER = "This information is for general education only and is not "
            + "medical advice. Talk to a doctor or other qualified health professional about your symptoms.";

    /**
     * The mode candidates are retrieved in when a request names none: the one that measured best on the
     * judged chatbot questions (docs/answer.md, "Answers by meaning"). Without vectors it runs lexically.
     */
    public static final SearchMode DEFAULT_MODE = SearchMode.HYBRID;

    /** Highest ranking score first; equal scores keep search order (the sort is stable). */
    public static final Comparator<AnswerCandidate> BEST_FIRST =
            Comparator.comparingDouble(AnswerCandidate::score).reversed();

    private final SearchBackend backend;
    private final QuestionWords words;
    private final AnswerFeatureExtractor extractor;
    private final NutrientTagger tagger;
    private final AnswerModels models;
    private final AnswerPolicy policy;
    private final SearchMode defaultMode;
    private final NutrientLexicon lexicon;
    private final SynonymCoverage synonyms;
    private final QuestionAnalyzer analyzer;
    /** The gazetteer and unit traits of the topics the backend served when they were made (remade when they change). */
    private final AtomicReference<ServedTopics> topics = new AtomicReference<>();

    /** One index generation's topics, the gazetteer built from them and the traits of the units met since. */
    private record ServedTopics(List<String> topics, UnitTraits.Cache traits) {
    }

    /**
     * @param models      the confidence model for each retrieval mode
     * @param defaultMode the mode of a request that names none; null follows the backend's default mode
     *                    (the server's {@code --search-mode}, so one setting serves search and answers)
     */
    public AnswerService(SearchBackend backend, QuestionWords words, SynonymCoverage synonyms, NutrientTagger tagger,
                         AnswerModels models, AnswerPolicy policy, SearchMode defaultMode) {
        this.backend = backend;
        this.words = words;
        this.extractor = new AnswerFeatureExtractor(synonyms);
        this.tagger = tagger;
        this.lexicon = tagger.lexicon();
        this.synonyms = synonyms;
        this.analyzer = new QuestionAnalyzer(words);
        this.models = models;
        this.policy = policy;
        this.defaultMode = defaultMode;
    }

    /**
     * The service as the server runs it: English analysis, the synonym file, the nutrient lexicon's tagger,
     * the fitted models ({@link AnswerModels#FITTED}), retrieving in the backend's default mode (which is
     * {@link #DEFAULT_MODE} unless the server was told otherwise).
     */
    public static AnswerService withDefaults(SearchBackend backend, NutrientLexicon lexicon, AnswerPolicy policy) {
        QuestionWords words = new QuestionWords(TextAnalyzers.english());
        return new AnswerService(backend, words, SynonymCoverage.loadDefault(words), new NutrientTagger(lexicon),
                AnswerModels.FITTED, policy, null);
    }

    public AnswerPolicy policy() {
        return policy;
    }

    /** The mode of a request that names none. */
    public SearchMode defaultMode() {
        return defaultMode != null ? defaultMode : backend.defaultMode();
    }

    /**
     * The answer to a question, or a decline with its reason; the answer and alternatives with their
     * snippets (built for them alone: the other candidates are never shown).
     */
    public AnswerResult answer(AnswerRequest request) {
        Ranked ranked = ranked(request);
        PlannedSearch search = ranked.search();
        return withSnippets(decide(request.question(), ranked.candidates()),
                search == null ? units -> List.of() : search::snippets);
    }

    /**
     * Applies the policy to the candidates {@link #rank} found for {@code request}, and gives the answer
     * and alternatives it shows the snippets search would have given them (the same request, in the mode
     * the candidates were retrieved in): what {@link #answer} returns, which marks them from the plan its
     * search made instead of planning the query again.
     */
    public AnswerResult decide(AnswerRequest request, AnswerCandidates ranked) {
        SearchRequest searched = searchRequest(request, ranked.analysis() == null ? request.question()
                : ranked.analysis().asking(), CANDIDATES, ranked.mode());
        return withSnippets(decide(request.question(), ranked), units -> backend.snippets(searched, units));
    }

    /** {@code result} with snippets from {@code marker} for the answer and alternatives that have none. */
    private static AnswerResult withSnippets(AnswerResult result, PlannedSearch.Marker marker) {
        List<AnswerCandidate> shown = new ArrayList<>(result.alternatives().size() + 1);
        if (result.answer() != null) {
            shown.add(result.answer());
        }
        shown.addAll(result.alternatives());
        List<Unit> missing = shown.stream().filter(c -> c.hit().snippet() == null).map(c -> c.hit().unit()).toList();
        if (missing.isEmpty()) {
            return result;
        }
        Map<String, Snippet> byId = new HashMap<>();
        List<Snippet> built = marker.snippets(missing);
        for (int i = 0; i < missing.size(); i++) {
            byId.put(missing.get(i).id(), built.get(i));
        }
        Function<AnswerCandidate, AnswerCandidate> filled = c -> c.hit().snippet() != null ? c
                : c.withHit(c.hit().withSnippet(byId.get(c.hit().unit().id())));
        return new AnswerResult(result.question(), result.answer() == null ? null : filled.apply(result.answer()),
                result.alternatives().stream().map(filled).toList(), result.reason(), result.disclaimer(),
                result.mode(), result.analysis());
    }

    /**
     * Works out the traits of the units the backend serves now ({@link SearchBackend#eachUnit}), ahead of
     * the questions that would meet them first: worked out on first meeting they were up to a fifth of an
     * answer's CPU until most units had been met (about 0.2 ms a unit; the portal corpus's 16 883 units take
     * a few seconds of one core, once per index generation). Stops when {@code stop} says so, when the
     * backend serves another generation, or near the traits cache's bounds; the units worked out. A later
     * generation's units are again worked out on first meeting unless this is called again.
     */
    public int warmUp(BooleanSupplier stop) {
        ServedTopics now = served();
        UnitTraits.Cache cache = now.traits();
        int[] done = {0};
        backend.eachUnit(unit -> {
            if (stop.getAsBoolean() || topics.get() != now || cache.nearlyFull()) {
                return false;
            }
            cache.of(unit);
            done[0]++;
            return true;
        });
        return done[0];
    }

    /**
     * The gazetteer and unit traits of the topics the backend serves now: built once per set of topics
     * (a reindex changes them), so every question of one generation is read against the same subjects.
     */
    private ServedTopics served() {
        List<String> now = backend.topics();
        ServedTopics t = topics.get();
        if (t != null && t.topics() == now) {
            return t;
        }
        // Built under a lock: two first callers at once (the warm-up and the first question, which the
        // server lets in as soon as the index is served) would each build one, and the later one would
        // replace the cache the warm-up fills, stopping it.
        synchronized (topics) {
            t = topics.get();
            if (t == null || t.topics() != now) {
                t = new ServedTopics(now, new UnitTraits.Cache(FocusGazetteer.build(now, lexicon, synonyms, words), words));
                topics.set(t);
            }
            return t;
        }
    }

    /**
     * Every candidate for a question, best first by the model's ranking score (ties keep search order), retrieved in the
     * request's mode (or the default) and scored by that mode's model; lexically, and by the lexical
     * model, when the backend has no vectors. Searched with what the question asks (a long message's
     * subject and asking sentences); with vectors, the units whose own question is nearest join the
     * search's hits. The candidates' hits carry no snippets (null) when the backend leaves them out:
     * {@link #answer} builds those of the few it returns.
     */
    public AnswerCandidates rank(AnswerRequest request) {
        return ranked(request).candidates();
    }

    /**
     * A question's candidates ({@link #rank}) and the search that found them, whose plan of the query marks
     * the snippets of those shown (null when the question was not searched).
     */
    private record Ranked(AnswerCandidates candidates, PlannedSearch search) {
    }

    private Ranked ranked(AnswerRequest request) {
        SearchMode asked = request.mode() == null ? defaultMode() : request.mode();
        SearchMode mode = asked.usesVectors() && !backend.vectorsAvailable() ? SearchMode.LEXICAL : asked;
        // One generation's subjects and unit traits for the whole request, and each term's unit count
        // looked up once (the question's reading and the candidates' word weights both need them).
        ServedTopics served = served();
        Function<Collection<String>, Map<String, Integer>> frequencies = unitFrequencies();
        int units = backend.stats().units();
        QuestionAnalysis analysis = analyzer.analyse(request.question(), served.traits().gazetteer(), frequencies, units);
        QuestionWords.Content content = analysis.content();
        if (content.isEmpty()) {
            return new Ranked(AnswerCandidates.none(mode, analysis), null);
        }
        // Candidates are what /api/search finds for the asking text, ranked as it ranks them: the answer
        // starts from search's own order and re-ranks it (the embedding reads "will eating bananas stop my
        // cramps" better than "eating bananas cramps", and search scores question words without letting
        // them match alone). A result that came back lexical (the vectors went away during a reindex) is
        // scored by the lexical model. With vectors, the units whose own question is nearest join the hits;
        // both searches (and the snippets of the units shown) come from one plan of the asking text.
        String text = analysis.asking();
        // Hits only: the answer reads neither the total, the facets nor "did you mean".
        PlannedSearch search = backend.searchWithQuestions(
                searchRequest(request, text, CANDIDATES, mode).withoutCounts(), QUESTION_CANDIDATES);
        SearchResult result = search.result();
        List<SearchHit> hits = new ArrayList<>(result.hits());
        int searched = hits.size();
        Set<String> seen = new HashSet<>();
        hits.forEach(h -> seen.add(h.unit().id()));
        for (SearchHit h : search.similarQuestions()) {
            if (seen.add(h.unit().id())) {
                hits.add(h);
            }
        }
        if (hits.isEmpty()) {
            return new Ranked(AnswerCandidates.none(result.mode(), analysis), search);
        }
        AnswerFeatureExtractor.Weights weights = AnswerFeatureExtractor.weights(content.terms(),
                frequencies.apply(content.terms()), units);
        Set<String> named = new LinkedHashSet<>(tagger.nutrientIds(request.question()));
        UnitTraits.Cache known = served.traits();
        List<UnitTraits> traits = hits.stream().map(h -> known.of(h.unit())).toList();
        List<AnswerFeatures> features = extractor.extract(analysis, traits, weights, named, hits, searched);
        AnswerModel model = models.of(result.mode());
        double[] scores = model.scores(features);
        double[] confidences = model.confidences(features, scores);
        List<AnswerCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            candidates.add(new AnswerCandidate(hits.get(i), features.get(i), scores[i], confidences[i],
                    traits.get(i).about()));
        }
        candidates = ordered(candidates);
        return new Ranked(new AnswerCandidates(result.mode(), candidates, analysis), search);
    }

    /**
     * The backend's unit counts of terms, each term looked up once for the request that uses this function
     * (a term no unit has is kept as 0).
     */
    private Function<Collection<String>, Map<String, Integer>> unitFrequencies() {
        Map<String, Integer> known = new HashMap<>();
        return terms -> {
            List<String> missing = terms.stream().filter(t -> !known.containsKey(t)).distinct().toList();
            if (!missing.isEmpty()) {
                Map<String, Integer> found = backend.unitFrequencies(missing);
                missing.forEach(t -> known.put(t, found.getOrDefault(t, 0)));
            }
            Map<String, Integer> out = new HashMap<>();
            terms.forEach(t -> out.put(t, known.get(t)));
            return out;
        };
    }

    /**
     * Candidates best first: by the model's ranking score, equal scores in search order. None is reported
     * more confident than one ranked above it: the calibration is fitted on each question's best-ranked
     * candidate, and read on a lower one (whose margin is negative) it can say more than it does of the
     * best, which would have a bot offer an alternative it trusts more than the answer.
     */
    public static List<AnswerCandidate> ordered(List<AnswerCandidate> candidates) {
        List<AnswerCandidate> sorted = new ArrayList<>(candidates);
        sorted.sort(BEST_FIRST);
        List<AnswerCandidate> out = new ArrayList<>(sorted.size());
        double ceiling = 1;
        for (AnswerCandidate c : sorted) {
            out.add(c.confidence() <= ceiling ? c : c.scored(c.score(), ceiling));
            ceiling = Math.min(ceiling, c.confidence());
        }
        return out;
    }

    private static SearchRequest searchRequest(AnswerRequest request, String text, int limit, SearchMode mode) {
        return new SearchRequest(text, limit, 0, request.kinds(), request.nutrients(), request.articleId(),
                null, mode, false);
    }

    /**
     * Applies the policy to ranked candidates (public for the evaluation, which sweeps thresholds). The
     * units shown keep the hits {@link #rank} gave them, without snippets when the backend left them out.
     */
    public AnswerResult decide(String question, AnswerCandidates candidates) {
        List<AnswerCandidate> ranked = candidates.candidates();
        SearchMode mode = candidates.mode();
        QuestionAnalysis analysis = candidates.analysis();
        if (ranked.isEmpty()) {
            return new AnswerResult(question, null, List.of(), DeclineReason.NO_MATCH, STANDARD_DISCLAIMER, mode,
                    analysis);
        }
        AnswerCandidate best = ranked.getFirst();
        if (best.confidence() < policy.threshold() || !anchored(best, analysis, mode)) {
            return new AnswerResult(question, null, alternatives(ranked, List.of()), DeclineReason.LOW_CONFIDENCE,
                    STANDARD_DISCLAIMER, mode, analysis);
        }
        Optional<AnswerCandidate> rival = rival(ranked, analysis);
        if (rival.isPresent()) {
            return new AnswerResult(question, null, alternatives(ranked, List.of(best, rival.get())),
                    DeclineReason.AMBIGUOUS, STANDARD_DISCLAIMER, mode, analysis);
        }
        return new AnswerResult(question, best, alternatives(ranked.subList(1, ranked.size()), List.of()), null,
                disclaimerOf(best), mode, analysis);
    }

    /**
     * Whether the best candidate is tied to the question by more than the weight of their shared words.
     * With one signal alone (lexical or semantic retrieval) an answer needs the question to name a subject
     * the corpus knows, or its own topic (focus, heading, FAQ question) to name some of the question's
     * words: a long FAQ answer that mentions Hamlet in passing is no answer to "what is the plot of hamlet",
     * however confident the words make the model. Hybrid candidates are left to the model, whose
     * calibration reads both signals (the rule measured neutral there; docs/answer.md, "Anchored
     * answers"). A question nobody analysed ({@code analysis} null) is not held to it.
     */
    static boolean anchored(AnswerCandidate best, QuestionAnalysis analysis, SearchMode mode) {
        return mode == SearchMode.HYBRID || analysis == null || analysis.focus() != null
                || best.features().questionMatch() > 0;
    }

    /**
     * The candidate that makes the question ambiguous, if any: the most confident one about another
     * subject, when it is as good as the best (over the threshold, within the margin) and says something
     * else. Candidates about the same subject never are: the same FAQ question, the same article, a
     * shared subject (both about "flu"), both about the subject the question names ("cholesterol" and
     * "high blood cholesterol" for "how can i lower my cholesterol"), or one restating the other. Nor is
     * one the question's own subject rules out: when the question names a subject and only the best
     * candidate is about it. Two candidates are two readings of the question only when the topic of each
     * (its focus, heading or question) names some of the question's words: a section headed "Lifestyle
     * practices" that answers "does stretching before bed help with cramps" is not another reading of it.
     */
    private Optional<AnswerCandidate> rival(List<AnswerCandidate> ranked, QuestionAnalysis analysis) {
        AnswerCandidate best = ranked.getFirst();
        for (AnswerCandidate c : ranked.subList(1, ranked.size())) {
            if (c.confidence() < policy.threshold() || best.confidence() - c.confidence() > policy.ambiguityMargin()) {
                return Optional.empty();
            }
            if (sameSubject(best, c)) {
                continue;
            }
            if (analysis != null && analysis.focus() != null) {
                if (best.features().focusMatch() > c.features().focusMatch()) {
                    return Optional.empty();
                }
                if (best.features().focusMatch() > 0 && c.features().focusMatch() > 0) {
                    continue; // both about what the question names: one topic, however their own subjects are written
                }
            }
            if (best.features().questionMatch() == 0 || c.features().questionMatch() == 0) {
                continue; // not two readings of the question: one's own topic names none of its words
            }
            return sharedTerms(best, c) <= policy.maxSharedTerms() ? Optional.of(c) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether two candidates are about one subject: same article, same question, or a subject in common. */
    private static boolean sameSubject(AnswerCandidate a, AnswerCandidate b) {
        Unit ua = a.hit().unit();
        Unit ub = b.hit().unit();
        if (ua.articleId().equals(ub.articleId())) {
            return true;
        }
        String qa = normalized(ua.askedQuestion());
        if (qa != null && qa.equals(normalized(ub.askedQuestion()))) {
            return true;
        }
        Set<String> shared = new HashSet<>(a.subjects());
        shared.retainAll(b.subjects());
        return !shared.isEmpty();
    }

    /**
     * The share of the smaller unit's distinct text terms that the other unit also has (the overlap
     * coefficient): near 1 when one restates the other, low when they say different things.
     */
    double sharedTerms(AnswerCandidate a, AnswerCandidate b) {
        Set<String> ta = new HashSet<>(words.terms(a.hit().unit().text()));
        Set<String> tb = new HashSet<>(words.terms(b.hit().unit().text()));
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(ta);
        shared.retainAll(tb);
        return (double) shared.size() / Math.min(ta.size(), tb.size());
    }

    private static String normalized(String question) {
        return question == null ? null : question.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * {@code first}, then the rest of {@code ranked} in order that clear the policy's alternative floor,
     * up to {@link #ALTERNATIVES} in all.
     */
    private List<AnswerCandidate> alternatives(List<AnswerCandidate> ranked, List<AnswerCandidate> first) {
        List<AnswerCandidate> out = new ArrayList<>(first);
        for (AnswerCandidate c : ranked) {
            if (out.size() >= ALTERNATIVES) {
                break;
            }
            if (c.confidence() >= policy.alternativeFloor() && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private String disclaimerOf(AnswerCandidate answer) {
        return backend.disclaimer(answer.hit().unit().articleId())
                .filter(d -> !d.isBlank())
                .orElse(STANDARD_DISCLAIMER);
    }
}
