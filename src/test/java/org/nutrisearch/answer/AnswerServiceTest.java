package org.nutrisearch.answer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.FaqEntry;
import org.nutrisearch.corpus.Section;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;
import org.nutrisearch.search.Snippet;
import org.nutrisearch.search.lucene.LuceneSearchBackend;
import org.nutrisearch.search.query.QuestionWords;
import org.nutrisearch.search.query.UnitQueryBuilder;
import org.nutrisearch.search.snippet.SnippetBuilder;

/** When the answer service answers, declines or calls a question ambiguous, over two small fixture articles. */
class AnswerServiceTest {

    static final String WITH_DISCLAIMER = "cramps";
    static final String WITHOUT_DISCLAIMER = "minerals";

    @TempDir
    static Path dir;
    static LuceneSearchBackend backend;
    static AnswerService service;

    @BeforeAll
    static void index() throws Exception {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Article cramps = new Article(WITH_DISCLAIMER, "Cramps and minerals", "corpus/cramps.txt", null, List.of(),
                List.of(new Section("Magnesium", null, "Low magnesium causes cramps at night.")),
                List.of(new FaqEntry(null, "Bananas are rich in potassium. Potassium helps muscles relax.")),
                List.of(), "Not medical advice.");
        Article minerals = new Article(WITHOUT_DISCLAIMER, "Minerals", "corpus/minerals.txt", null, List.of(),
                List.of(new Section("Iron", null, "Iron deficiency is linked to restless legs.")),
                List.of(), List.of(), null);
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        NutrientTagger tagger = new NutrientTagger(lexicon);
        IndexGenerations generations = new IndexGenerations(dir);
        new IndexBuilder(tagger, json).rebuild(List.of(cramps, minerals), generations, null);
        var analyzer = TextAnalyzers.english();
        backend = new LuceneSearchBackend(LiveIndex.open(generations.current().orElseThrow()), lexicon,
                new UnitQueryBuilder(analyzer), new SnippetBuilder(analyzer, tagger), json);
        service = AnswerService.withDefaults(backend, lexicon, AnswerPolicy.withThreshold(0.4));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    private static AnswerCandidate candidate(String articleId, int n, String text, double confidence) {
        return candidate(articleId, n, text, confidence, Set.of());
    }

    /** A candidate whose topic (heading) names all of the question's words: a reading of the question. */
    private static AnswerCandidate candidate(String articleId, int n, String text, double confidence, Set<String> subjects) {
        return candidate(articleId, n, text, confidence, subjects, 1);
    }

    private static AnswerCandidate candidate(String articleId, int n, String text, double confidence, Set<String> subjects,
                                             double questionMatch) {
        Unit unit = new Unit(articleId + "#section-" + n, UnitKind.SECTION, articleId, "t", "corpus/" + articleId + ".txt",
                "Heading", null, text);
        AnswerFeatures features = new AnswerFeatures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, questionMatch, 0, 0, 0, 0, 0, 0, 0, 0);
        return new AnswerCandidate(new SearchHit(unit, new Snippet(text, List.of()), List.of(), 1f), features, confidence,
                confidence, subjects);
    }

    private static AnswerCandidates lexical(AnswerCandidate... ranked) {
        return new AnswerCandidates(SearchMode.LEXICAL, List.of(ranked));
    }

    @Test
    void noCandidateIsMoreConfidentThanOneRankedAboveIt() {
        AnswerCandidate first = candidate("a", 1, "first", 0.3).scored(2.0, 0.3);
        AnswerCandidate second = candidate("b", 1, "second", 0.8).scored(1.0, 0.8);
        AnswerCandidate third = candidate("c", 1, "third", 0.1).scored(0.5, 0.1);
        List<AnswerCandidate> ordered = AnswerService.ordered(List.of(third, second, first));
        assertEquals(List.of("a#section-1", "b#section-1", "c#section-1"),
                ordered.stream().map(c -> c.hit().unit().id()).toList());
        assertEquals(List.of(0.3, 0.3, 0.1), ordered.stream().map(AnswerCandidate::confidence).toList());
    }

    @Test
    void nothingToRankIsNoMatch() {
        AnswerResult r = service.decide("what?", lexical());
        assertNull(r.answer());
        assertEquals(DeclineReason.NO_MATCH, r.reason());
        assertEquals(SearchMode.LEXICAL, r.mode());
        assertEquals(List.of(), r.alternatives());
        assertEquals(AnswerService.STANDARD_DISCLAIMER, r.disclaimer());
        assertEquals(DeclineReason.NO_MATCH, service.answer(AnswerRequest.of("what is it?")).reason(),
                "a question of nothing but question words searches for nothing");
        assertEquals(DeclineReason.NO_MATCH, service.answer(AnswerRequest.of("knee surgery recovery")).reason());
    }

    @Test
    void belowTheThresholdDeclinesAndOffersWhatClearsTheFloor() {
        AnswerCandidate a = candidate(WITH_DISCLAIMER, 1, "Low magnesium causes cramps.", 0.39);
        AnswerCandidate b = candidate(WITHOUT_DISCLAIMER, 1, "Iron deficiency is linked to restless legs.", 0.2);
        AnswerCandidate c = candidate(WITHOUT_DISCLAIMER, 2, "Zinc.", 0.05);
        AnswerResult r = service.decide("q", lexical(a, b, c));
        assertNull(r.answer());
        assertEquals(DeclineReason.LOW_CONFIDENCE, r.reason());
        assertFalse(r.ambiguous());
        assertEquals(List.of(a, b), r.alternatives(), "0.05 is under the alternative floor of 0.1");
    }

    @Test
    void withOneSignalAloneAnAnswerWhoseTopicNamesNoneOfTheWordsOfAQuestionWithoutSubjectIsDeclined() {
        // "what is the plot of hamlet" over a portal: a long FAQ answer names the play in passing.
        AnswerCandidate hamlet = candidate(WITHOUT_DISCLAIMER, 1, "Some people with psychosis, like Hamlet, ...", 0.99,
                Set.of(), 0);
        AnswerCandidate next = candidate(WITH_DISCLAIMER, 1, "Plot your symptoms in a diary.", 0.2, Set.of(), 0);
        QuestionAnalysis noSubject = new QuestionAnalysis("what is the plot of hamlet", "what is the plot of hamlet",
                false, null, Set.of(), new QuestionWords.Content(List.of("plot", "hamlet"), List.of("plot", "hamlet")), List.of());
        for (SearchMode mode : List.of(SearchMode.LEXICAL, SearchMode.SEMANTIC)) {
            AnswerResult r = service.decide("what is the plot of hamlet",
                    new AnswerCandidates(mode, List.of(hamlet, next), noSubject));
            assertNull(r.answer(), mode.apiName());
            assertEquals(DeclineReason.LOW_CONFIDENCE, r.reason(), mode.apiName());
            assertEquals(List.of(hamlet, next), r.alternatives(), "the closest passages are still offered");
        }
        assertSame(hamlet, service.decide("what is the plot of hamlet",
                new AnswerCandidates(SearchMode.HYBRID, List.of(hamlet, next), noSubject)).answer(),
                "hybrid candidates are left to the model");

        AnswerCandidate named = candidate(WITHOUT_DISCLAIMER, 2, "Hamlet is a tragedy.", 0.99, Set.of(), 0.5);
        assertSame(named, service.decide("what is the plot of hamlet",
                new AnswerCandidates(SearchMode.LEXICAL, List.of(named), noSubject)).answer(),
                "its topic names a word of the question");
        QuestionAnalysis withSubject = new QuestionAnalysis("what is the plot of hamlet", "what is the plot of hamlet",
                false, new FocusGazetteer.Focus("hamlet", "Hamlet", 1, 2), Set.of(), noSubject.content(),
                List.of("hamlet"));
        assertSame(hamlet, service.decide("what is the plot of hamlet",
                new AnswerCandidates(SearchMode.LEXICAL, List.of(hamlet, next), withSubject)).answer(),
                "the question names a subject the corpus knows");
    }

    @Test
    void aClearBestAnswerIsGivenWithItsArticlesDisclaimer() {
        AnswerCandidate a = candidate(WITH_DISCLAIMER, 1, "Low magnesium causes cramps at night.", 0.8);
        AnswerCandidate b = candidate(WITHOUT_DISCLAIMER, 1, "Iron deficiency is linked to restless legs.", 0.7);
        AnswerResult r = service.decide("q", lexical(a, b));
        assertSame(a, r.answer());
        assertNull(r.reason());
        assertEquals(List.of(b), r.alternatives());
        assertEquals("Not medical advice.", r.disclaimer());

        AnswerResult other = service.decide("q", lexical(b));
        assertSame(b, other.answer());
        assertEquals(List.of(), other.alternatives());
        assertEquals(AnswerService.STANDARD_DISCLAIMER, other.disclaimer(), "the minerals article has no disclaimer");
    }

    @Test
    void twoNearlyEqualAnswersFromDifferentArticlesThatSayDifferentThingsAreAmbiguous() {
        AnswerCandidate a = candidate(WITH_DISCLAIMER, 1, "Low magnesium causes cramps at night.", 0.80);
        AnswerCandidate sameArticle = candidate(WITH_DISCLAIMER, 2, "Potassium helps muscles relax.", 0.79);
        AnswerCandidate b = candidate(WITHOUT_DISCLAIMER, 1, "Iron deficiency is linked to restless legs.", 0.77);
        AnswerCandidate c = candidate(WITHOUT_DISCLAIMER, 2, "Zinc supports the immune system.", 0.5);
        AnswerResult r = service.decide("q", lexical(a, sameArticle, b, c));
        assertNull(r.answer());
        assertEquals(DeclineReason.AMBIGUOUS, r.reason());
        assertTrue(r.ambiguous());
        assertEquals(List.of(a, b, sameArticle), r.alternatives(), "both competing answers first, then the next best");
        assertEquals(AnswerService.STANDARD_DISCLAIMER, r.disclaimer());
    }

    @Test
    void aCandidateWhoseTopicNamesNoneOfTheQuestionsWordsIsNoRival() {
        // "does stretching before bed help with cramps": one article's prevention list and another's "Lifestyle
        // practices" both say to stretch before bed; neither heading names the question's words, so they are
        // not two readings of it, however few words their texts share.
        AnswerCandidate a = candidate(WITH_DISCLAIMER, 1, "Stay hydrated, eat magnesium-rich foods and stretch before bed.",
                0.98, Set.of("prevent strategi"), 0);
        AnswerCandidate b = candidate(WITHOUT_DISCLAIMER, 1, "Gentle calf and hamstring stretching at bedtime, walking and "
                + "less alcohol or caffeine help.", 0.96, Set.of("practic"), 0);
        assertTrue(service.sharedTerms(a, b) <= AnswerPolicy.DEFAULT_MAX_SHARED_TERMS, "their texts differ");
        AnswerResult r = service.decide("does stretching before bed help with cramps", lexical(a, b));
        assertSame(a, r.answer());
        assertNull(r.reason());

        AnswerCandidate named = candidate(WITHOUT_DISCLAIMER, 1, b.hit().unit().text(), 0.96, Set.of("practic"), 0.5);
        assertEquals(DeclineReason.AMBIGUOUS, service.decide("does stretching before bed help with cramps",
                lexical(candidate(WITH_DISCLAIMER, 1, a.hit().unit().text(), 0.98, Set.of("prevent strategi"), 0.5),
                        named)).reason(), "when both topics name the question's words they are two readings of it");
    }

    @Test
    void nearlyEqualAnswersThatSayTheSameThingAreNotAmbiguous() {
        AnswerCandidate a = candidate(WITH_DISCLAIMER, 1, "Low magnesium causes painful cramps at night.", 0.80);
        AnswerCandidate b = candidate(WITHOUT_DISCLAIMER, 1, "Low magnesium causes cramps at night.", 0.79);
        AnswerResult r = service.decide("q", lexical(a, b));
        assertSame(a, r.answer());
        assertEquals(1.0, service.sharedTerms(a, b), 1e-9);
    }

    @Test
    void sectionsOfTwoArticlesWhoseHeadingsNameTheSameNutrientAreNotAmbiguous() {
        // "Potassium: The Electrolyte Balancer" and "Potassium's Role in Nerve Signals" are filed as subjects of
        // their own, and both are about potassium: two articles saying different things about it answer one
        // question, they do not compete.
        AnswerCandidate a = candidate(WITH_DISCLAIMER, 1, "Low potassium can cause painful muscle cramps and weakness.",
                0.60, Set.of("potassium", "electrolyt balanc"));
        AnswerCandidate b = candidate(WITHOUT_DISCLAIMER, 1, "Hypokalemia disrupts nerve-muscle signals; symptoms "
                + "include spasms.", 0.60, Set.of("potassium", "potassium role nerv signal"));
        AnswerResult r = service.decide("what are symptoms of low potassium", lexical(a, b));
        assertSame(a, r.answer());
        assertEquals(List.of(b), r.alternatives());

        AnswerCandidate c = candidate(WITHOUT_DISCLAIMER, 1, "Hypokalemia disrupts nerve-muscle signals; symptoms "
                + "include spasms.", 0.60, Set.of("potassium role nerv signal"));
        assertEquals(DeclineReason.AMBIGUOUS, service.decide("what are symptoms of low potassium", lexical(a, c)).reason(),
                "without the nutrient in common they are two subjects");
    }

    @Test
    void warmingUpWorksOutEveryServedUnitAheadAndChangesNoAnswer() {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        List<AnswerRequest> questions = List.of(AnswerRequest.of("do bananas have potassium for my muscles?"),
                AnswerRequest.of("can low magnesium cause cramps at night?"), AnswerRequest.of("iron and restless legs"),
                AnswerRequest.of("what is the capital of France?"));
        AnswerService cold = AnswerService.withDefaults(backend, lexicon, AnswerPolicy.withThreshold(0.4));
        List<AnswerResult> expected = questions.stream().map(cold::answer).toList();
        AnswerService warmed = AnswerService.withDefaults(backend, lexicon, AnswerPolicy.withThreshold(0.4));
        assertEquals(0, warmed.warmUp(() -> true), "asked to stop at once");
        assertEquals(backend.stats().units(), warmed.warmUp(() -> false));
        assertEquals(3, backend.stats().units(), "two sections and an FAQ entry");
        assertEquals(expected, questions.stream().map(warmed::answer).toList());
    }

    @Test
    void aUnitsSubjectsIncludeTheNutrientsItsHeadingAndTextName() {
        AnswerCandidates ranked = service.rank(AnswerRequest.of("can low magnesium cause cramps at night?"));
        AnswerCandidate magnesium = ranked.candidates().stream()
                .filter(c -> c.hit().unit().id().equals(WITH_DISCLAIMER + "#section-1")).findFirst().orElseThrow();
        assertTrue(magnesium.subjects().contains("magnesium"), "the section headed \"Magnesium\"");
        AnswerCandidate faq = service.rank(AnswerRequest.of("do bananas have potassium for my muscles?")).candidates()
                .getFirst();
        assertEquals(WITH_DISCLAIMER + "#faq-1", faq.hit().unit().id());
        assertTrue(faq.subjects().contains("potassium"), "its text says potassium: " + faq.subjects());
        assertFalse(faq.subjects().contains("magnesium"), "the article's title and other units do not count");
    }

    @Test
    void aRivalOutsideTheMarginOrUnderTheThresholdIsNoRival() {
        AnswerCandidate a = candidate(WITH_DISCLAIMER, 1, "Low magnesium causes cramps at night.", 0.80);
        AnswerCandidate far = candidate(WITHOUT_DISCLAIMER, 1, "Iron deficiency is linked to restless legs.", 0.74);
        assertSame(a, service.decide("q", lexical(a, far)).answer());

        AnswerCandidate low = candidate(WITH_DISCLAIMER, 1, "Low magnesium causes cramps at night.", 0.42);
        AnswerCandidate under = candidate(WITHOUT_DISCLAIMER, 1, "Iron deficiency is linked to restless legs.", 0.39);
        assertSame(low, service.decide("q", lexical(low, under)).answer());
    }

    @Test
    void rankingPutsTheUnitThatCoversTheQuestionFirst() {
        AnswerCandidates bananas = service.rank(AnswerRequest.of("do bananas have potassium for my muscles?"));
        assertEquals(SearchMode.LEXICAL, bananas.mode(), "this index has no vectors: hybrid falls back to lexical");
        List<AnswerCandidate> ranked = bananas.candidates();
        assertEquals(WITH_DISCLAIMER + "#faq-1", ranked.getFirst().hit().unit().id());
        assertEquals(1.0, ranked.getFirst().features().coverage(), 1e-9, "bananas, potassium and muscles");
        for (int i = 1; i < ranked.size(); i++) {
            assertTrue(ranked.get(i).score() <= ranked.get(i - 1).score(), "best ranking score first");
        }
        List<AnswerCandidate> iron = service.rank(AnswerRequest.of("can low iron give me restless legs")).candidates();
        assertEquals(WITHOUT_DISCLAIMER + "#section-1", iron.getFirst().hit().unit().id());
        assertEquals(1.0, iron.getFirst().features().coverage(), 1e-9,
                "low iron is covered by iron deficiency (synonyms), restless and legs by the text");
    }

    @Test
    void theAnswerAndItsAlternativesHaveTheSnippetsSearchGivesThemWhileRankingBuildsNone() {
        AnswerRequest request = AnswerRequest.of("do bananas have potassium for my muscles?");
        AnswerResult r = service.answer(request);
        assertEquals(WITH_DISCLAIMER + "#faq-1", r.answer().hit().unit().id());
        assertEquals("<mark class=\"term\">Bananas</mark> are rich in <mark class=\"nutrient\" data-nutrient=\"potassium\">"
                + "<mark class=\"term\">potassium</mark></mark>. <mark class=\"nutrient\" data-nutrient=\"potassium\">"
                + "<mark class=\"term\">Potassium</mark></mark> helps <mark class=\"term\">muscles</mark> relax.",
                r.answer().hit().snippet().html());
        SearchResult searched = backend.search(new SearchRequest(r.analysis().asking(), AnswerService.CANDIDATES, 0,
                Set.of(), Set.of(), null, null, r.mode()));
        List<AnswerCandidate> shown = new java.util.ArrayList<>(r.alternatives());
        shown.addFirst(r.answer());
        for (AnswerCandidate c : shown) {
            SearchHit expected = searched.hits().stream().filter(h -> h.unit().id().equals(c.hit().unit().id()))
                    .findFirst().orElseThrow();
            assertEquals(expected.snippet(), c.hit().snippet(), c.hit().unit().id());
        }
        List<AnswerCandidate> ranked = service.rank(request).candidates();
        assertEquals(List.of(WITH_DISCLAIMER + "#faq-1"), ranked.stream().map(c -> c.hit().unit().id()).toList());
        assertTrue(ranked.stream().allMatch(c -> c.hit().snippet() == null), "ranking builds no snippet");
    }

    @Test
    void theWarmUpAndAQuestionAskedWhileTheGazetteerIsBuiltShareOneGazetteerAndOneTraitsCache() throws Exception {
        // The server lets questions in as soon as the index is served, while the warm-up builds the gazetteer:
        // each first caller building its own (and the later one replacing the warm-up's cache) stopped the
        // warm-up after a few dozen units on the portal corpus.
        HeldTopics held = new HeldTopics(backend.topics());
        AnswerService both = AnswerService.withDefaults(new TopicsOf(backend, held), NutrientLexicon.loadDefault(),
                AnswerPolicy.withThreshold(0.4));
        int[] warmed = {-1};
        Thread warmUp = Thread.ofPlatform().start(() -> warmed[0] = both.warmUp(() -> false));
        held.building.await();
        AnswerCandidates[] asked = new AnswerCandidates[1];
        Thread question = Thread.ofPlatform().start(() -> asked[0] = both.rank(AnswerRequest.of("iron and restless legs")));
        while (question.getState() != Thread.State.BLOCKED && question.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
        held.release.countDown();
        warmUp.join();
        question.join();
        assertEquals(1, held.readings.get(), "one gazetteer built from the served topics");
        assertEquals(backend.stats().units(), warmed[0], "the warm-up was not stopped");
        assertEquals(service.rank(AnswerRequest.of("iron and restless legs")), asked[0]);
    }

    /** The served topics, whose first reading (the gazetteer's build) waits until released; readings counted. */
    private static final class HeldTopics extends java.util.AbstractList<String> {
        final List<String> topics;
        final java.util.concurrent.CountDownLatch building = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger readings = new java.util.concurrent.atomic.AtomicInteger();

        HeldTopics(List<String> topics) {
            this.topics = topics;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            if (readings.incrementAndGet() == 1) {
                building.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return topics.iterator();
        }

        @Override
        public String get(int index) {
            return topics.get(index);
        }

        @Override
        public int size() {
            return topics.size();
        }
    }

    /** {@code backend} serving {@code topics} as its topics. */
    private record TopicsOf(LuceneSearchBackend backend, List<String> topics) implements org.nutrisearch.search.SearchBackend {
        @Override
        public SearchResult search(SearchRequest request) {
            return backend.search(request);
        }

        @Override
        public org.nutrisearch.search.PlannedSearch searchWithQuestions(SearchRequest request, int questions) {
            return backend.searchWithQuestions(request, questions);
        }

        @Override
        public List<Snippet> snippets(SearchRequest request, List<Unit> units) {
            return backend.snippets(request, units);
        }

        @Override
        public int eachUnit(java.util.function.Predicate<Unit> each) {
            return backend.eachUnit(each);
        }

        @Override
        public java.util.Map<String, Integer> unitFrequencies(java.util.Collection<String> terms) {
            return backend.unitFrequencies(terms);
        }

        @Override
        public java.util.Optional<Article> article(String id) {
            return backend.article(id);
        }

        @Override
        public java.util.Optional<String> disclaimer(String articleId) {
            return backend.disclaimer(articleId);
        }

        @Override
        public List<org.nutrisearch.search.ArticleInfo> articles() {
            return backend.articles();
        }

        @Override
        public List<org.nutrisearch.search.Facets.NutrientCount> nutrients() {
            return backend.nutrients();
        }

        @Override
        public org.nutrisearch.search.IndexStats stats() {
            return backend.stats();
        }

        @Override
        public void close() {
        }
    }
}
