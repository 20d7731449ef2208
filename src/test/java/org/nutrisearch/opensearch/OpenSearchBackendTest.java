package org.nutrisearch.opensearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.indices.analyze.AnalyzeToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schema, indexing, search and reindexing against a real 2-node cluster, on a 2-shard index with a replica. */
@Tag("opensearch")
class OpenSearchBackendTest {

    private static OpenSearchTestCluster cluster;
    private static OpenSearchClient client;
    private static OpenSearchIndexer indexer;
    private static OpenSearchUnitSearcher searcher;
    private static OpenSearchIndexer.Result firstRun;

    @BeforeAll
    static void indexFixtures() throws IOException {
        cluster = OpenSearchTestCluster.start();
        client = cluster.connection().client();
        OpenSearchIndexer.Options options = OpenSearchIndexer.Options.defaults()
                .withLayout(new IndexLayout(2, 1))
                .withBatchSize(6);
        indexer = new OpenSearchIndexer(client, OpenSearchSchema.load(), options);
        firstRun = indexer.reindex(UnitFixtures.units(), UnitFixtures.SYNONYMS);
        searcher = new OpenSearchUnitSearcher(client, OpenSearchIndexer.DEFAULT_ALIAS);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void firstRunCreatesAVersionedIndexBehindTheAlias() throws IOException {
        assertTrue(firstRun.index().matches("nutrisearch-\\d{8}-\\d{6}-\\d{3}"), firstRun.index());
        assertEquals(List.of(), firstRun.replaced());
        assertEquals(20, firstRun.indexed());
        assertEquals(4, firstRun.bulkRequests()); // 20 units in batches of 6
        assertEquals("green", firstRun.health());
        assertEquals(List.of(firstRun.index()), indexer.indexesBehindAlias());
        var settings = client.indices().getSettings(s -> s.index(firstRun.index())).result().get(firstRun.index());
        assertEquals("2", settings.settings().index().numberOfShards().toString());
        assertEquals("1", settings.settings().index().numberOfReplicas().toString());
    }

    @Test
    void indexAnalyzerGivesTheSameTokensAsTheEmbeddedLuceneChain() throws IOException {
        Analyzer lucene = CustomAnalyzer.builder()
                .withTokenizer("standard")
                .addTokenFilter("englishPossessive")
                .addTokenFilter("lowercase")
                .addTokenFilter("stop") // Lucene's English stop words by default
                .addTokenFilter("porterStem")
                .build();
        for (String text : List.of(
                "The patient's legs were cramping badly at night, and it was not the first time.",
                "Magnesium's role in muscle contractions: running, runs, ran.",
                "Vitamin B12 (cobalamin) deficiency; 25-hydroxyvitamin D levels of 3,400 mg/day",
                "Don't stop taking e-mail advice from the U.S.A. about calves' stiffness")) {
            assertEquals(tokens(lucene, text), openSearchTokens(OpenSearchSchema.INDEX_ANALYZER, text), text);
        }
    }

    @Test
    void searchAnalyzerExpandsSynonymsOnLowerCasedWordsThenStems() throws IOException {
        // A token graph: the paths "leg cramp" and "charley horse" both start at 0.
        assertEquals(List.of("leg@0", "charlei@0", "cramp@1", "hors@2"),
                openSearchTokens(OpenSearchSchema.SEARCH_ANALYZER, "Charley Horse"));
        // Rules match the words as typed (lower-cased), not their stems: plurals need their own rule.
        assertEquals(List.of("charlei@0", "hors@1"), openSearchTokens(OpenSearchSchema.SEARCH_ANALYZER, "charley horses"));
        assertEquals(List.of("charlei@0", "hors@1"), openSearchTokens(OpenSearchSchema.INDEX_ANALYZER, "charley horse"));
    }

    @Test
    void projectSynonymFileLoadsAndExpandsQueryPhrasesIncludingStopWords() throws IOException {
        List<String> lines;
        try (var in = OpenSearchBackendTest.class.getResourceAsStream("/org/nutrisearch/nutrients/synonyms.txt")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        String index = "synonym-file-check";
        client.indices().create(OpenSearchSchema.load().createRequest(index, IndexLayout.single(), lines,
                client._transport().jsonpMapper()));
        try {
            assertEquals(Set.of("charlei", "hors", "leg", "cramp"), tokenSet(index, "charley horses"));
            // "and" is a stop word inside the rule; rules are read before stop words are removed.
            assertEquals(Set.of("pin", "needl", "tingl", "sensat"), tokenSet(index, "pins and needles"));
            assertEquals(Set.of("low", "potassium", "defici", "hypokalemia", "hypokalaemia"),
                    tokenSet(index, "hypokalaemia"));
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }

    @Test
    void bestUnitComesFirst() {
        UnitSearchResult result = searcher.search(UnitQuery.of("sunlight vitamin d"));
        assertEquals("vitamin-d-stiffness#section-1", result.hits().get(0).unit().id());
        // Units saying "vitamin" or "D" themselves: four on vitamin D, two on vitamin B12.
        assertEquals(6, result.total());
    }

    @Test
    void synonymFindsUnitsThatOnlySayLegCramp() {
        UnitSearchResult result = searcher.search(UnitQuery.of("charley horse"));
        assertEquals(2, result.total());
        assertEquals(Set.of("magnesium-night-cramps#keypoint-1", "potassium-sodium-muscle-pain#section-2"), ids(result));

        UnitSearchResult spelling = searcher.search(UnitQuery.of("hypokalaemia"));
        assertEquals(List.of("potassium-sodium-muscle-pain#section-1"), idList(spelling));
    }

    @Test
    void aggregationsCountAllMatchesByNutrientAndKind() {
        UnitSearchResult result = searcher.search(UnitQuery.of("muscle").withPage(0, 3));
        assertEquals(4, result.total());
        assertEquals(3, result.hits().size());
        Map<String, Long> nutrients = new LinkedHashMap<>();
        nutrients.put("magnesium", 2L);
        nutrients.put("potassium", 2L);
        nutrients.put("calcium", 1L);
        nutrients.put("sodium", 1L);
        assertEquals(List.copyOf(nutrients.entrySet()), List.copyOf(result.nutrientCounts().entrySet()));
        Map<String, Long> kinds = new LinkedHashMap<>();
        kinds.put("section", 2L);
        kinds.put("summary", 2L);
        assertEquals(List.copyOf(kinds.entrySet()), List.copyOf(result.kindCounts().entrySet()));
    }

    @Test
    void countsOverAllUnitsWithoutWords() {
        UnitSearchResult all = searcher.search(UnitQuery.all(Set.of(), Set.of(), null, 0, 0));
        assertEquals(20, all.total());
        assertEquals(List.of(), all.hits());
        assertEquals(Map.of("potassium", 5L, "magnesium", 4L, "vitamin-d", 4L, "calcium", 3L, "iron", 3L,
                "vitamin-b12", 3L, "sodium", 2L), all.nutrientCounts());
        assertEquals(List.of("potassium", "magnesium", "vitamin-d", "calcium", "iron", "vitamin-b12", "sodium"),
                List.copyOf(all.nutrientCounts().keySet()));
    }

    @Test
    void titleWordAloneDoesNotMakeAUnitMatch() {
        // "Iron" is in the title of all five b12-iron units; three say it themselves.
        assertEquals(Set.of("b12-iron-tired-legs#summary", "b12-iron-tired-legs#section-2",
                "b12-iron-tired-legs#table-1-row-1"), ids(searcher.search(UnitQuery.of("iron"))));
    }

    @Test
    void phrasesAreRequiredAndExcludedWordsRemoveUnits() {
        UnitQuery phrase = new UnitQuery("", List.of("leg cramps"), List.of(), Set.of(), Set.of(), null, 0, 10);
        assertEquals(Set.of("magnesium-night-cramps#keypoint-1", "potassium-sodium-muscle-pain#section-2"),
                ids(searcher.search(phrase)));
        UnitQuery wordsAndPhrase = new UnitQuery("potassium", List.of("leg cramps"), List.of(), Set.of(), Set.of(), null, 0, 10);
        assertEquals(List.of("potassium-sodium-muscle-pain#section-2", "magnesium-night-cramps#keypoint-1"),
                idList(searcher.search(wordsAndPhrase)));

        UnitQuery notAtNight = new UnitQuery("cramps", List.of(), List.of("night"), Set.of(), Set.of(), null, 0, 10);
        assertEquals(Set.of("magnesium-night-cramps#keypoint-1", "potassium-sodium-muscle-pain#section-2",
                "potassium-sodium-muscle-pain#faq-1"), ids(searcher.search(notAtNight)));

        // Only an exclusion: every unit but the four that say "magnesium" (the title does not count).
        UnitQuery onlyExcluded = new UnitQuery("", List.of(), List.of("magnesium"), Set.of(), Set.of(), null, 0, 0);
        assertEquals(16, searcher.search(onlyExcluded).total());
    }

    @Test
    void filtersByKindNutrientsAndArticle() {
        assertEquals(List.of("potassium-sodium-muscle-pain#faq-1"), idList(searcher.search(
                UnitQuery.of("cramps").withFilters(Set.of("faq"), Set.of("potassium"), null))));
        // No words: every unit mentioning calcium, equal scores, so in id order.
        assertEquals(List.of("magnesium-night-cramps#section-1", "vitamin-d-stiffness#faq-1", "vitamin-d-stiffness#summary"),
                idList(searcher.search(UnitQuery.all(Set.of(), Set.of("calcium"), null, 0, 10))));
        assertEquals(List.of("vitamin-d-stiffness#faq-1", "vitamin-d-stiffness#summary"),
                idList(searcher.search(UnitQuery.all(Set.of(), Set.of("calcium", "vitamin-d"), null, 0, 10))));
        assertEquals(Set.of("b12-iron-tired-legs#section-2", "b12-iron-tired-legs#table-1-row-1"),
                ids(searcher.search(UnitQuery.of("iron").withFilters(Set.of("section", "table"), Set.of(), "b12-iron-tired-legs"))));
        assertEquals(List.of(), idList(searcher.search(
                UnitQuery.of("iron").withFilters(Set.of(), Set.of(), "vitamin-d-stiffness"))));
    }

    @Test
    void highlightMarksTheMatchedWordInTheUnitText() {
        UnitSearchResult.Hit hit = searcher.search(UnitQuery.of("sunlight")).hits().get(0);
        String text = "Skin makes vitamin D from sunlight, so people who stay indoors through the winter often run short.";
        assertEquals(text, hit.unit().text());
        assertEquals(List.of(new MarkedFragment(text, List.of(new MarkedFragment.Span(26, 34)))), hit.fragments());
    }

    @Test
    void highlightMarksSynonymMatchesAndStemmedForms() {
        UnitSearchResult result = searcher.search(UnitQuery.of("charley horse"));
        for (UnitSearchResult.Hit hit : result.hits()) {
            MarkedFragment f = hit.fragments().get(0);
            List<String> marked = f.marks().stream().map(s -> f.text().substring(s.start(), s.end())).toList();
            String expected = hit.unit().id().endsWith("keypoint-1") ? "leg cramp" : "leg cramps";
            assertEquals(expected, String.join(" ", marked), hit.unit().id());
        }
    }

    @Test
    void unitWithoutMatchInTextStillGetsTheStartOfItsText() {
        // "Osteomalacia" is only the heading; the passage is the text's beginning, unmarked.
        UnitSearchResult.Hit hit = searcher.search(UnitQuery.of("osteomalacia")).hits().get(0);
        assertEquals("vitamin-d-stiffness#section-2", hit.unit().id());
        assertEquals(List.of(new MarkedFragment(hit.unit().text(), List.of())), hit.fragments());
    }

    @Test
    void sourceReadsBackAsTheIndexedDocument() {
        UnitDocument expected = UnitFixtures.units().stream()
                .filter(u -> u.id().equals("potassium-sodium-muscle-pain#faq-1")).findFirst().orElseThrow();
        UnitDocument found = searcher.search(UnitQuery.of("bananas")).hits().get(0).unit();
        assertEquals(expected, found);
        assertNull(found.heading());
    }

    @Test
    void suggestCompletesTitlesHeadingsAndQuestions() {
        assertEquals(Set.of("Vitamin D Deficiency and Leg Stiffness", "Vitamin B12, Iron and Tired Legs"),
                new HashSet<>(searcher.suggest("vit", 10)));
        assertEquals(List.of("Sunlight and vitamin D"), searcher.suggest("sun", 10));
        assertEquals(List.of("Who is at risk of B12 deficiency?"), searcher.suggest("who is", 10));
        assertEquals(List.of(), searcher.suggest("zinc", 10));
    }

    @Test
    void reindexSwitchesTheAliasWhileSearchesKeepSucceeding() throws Exception {
        List<String> before = indexer.indexesBehindAlias();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    if (searcher.search(UnitQuery.of("magnesium")).total() != 4) {
                        wrong.incrementAndGet();
                    }
                    searches.incrementAndGet();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    wrong.incrementAndGet();
                }
            }
        }, "searches-during-reindex");
        reader.start();
        OpenSearchIndexer.Result run;
        try {
            Thread.sleep(200);
            run = indexer.reindex(UnitFixtures.units(), UnitFixtures.SYNONYMS);
            Thread.sleep(200);
        } finally {
            running.set(false);
            reader.join(10_000);
        }
        assertNull(failure.get(), () -> "a search failed: " + failure.get());
        assertEquals(0, wrong.get());
        assertTrue(searches.get() > 10, "searches during the reindex: " + searches.get());
        assertEquals(before, run.replaced());
        assertEquals(List.of(run.index()), indexer.indexesBehindAlias());
        for (String old : before) {
            assertFalse(client.indices().exists(e -> e.index(old)).value(), old + " should be deleted");
        }
    }

    @Test
    void failedReindexLeavesTheServedIndexAndRemovesItsOwn() throws IOException {
        List<String> before = indexer.indexesBehindAlias();
        List<UnitDocument> units = new ArrayList<>(UnitFixtures.units());
        // A keyword longer than Lucene's 32766-byte term limit: the cluster refuses this one document.
        units.add(new UnitDocument("bad#faq-1", "x".repeat(40_000), "bad", "T", null, null, "Q?", "A.", List.of()));
        BulkIndexingException e = assertThrows(BulkIndexingException.class,
                () -> indexer.reindex(units, UnitFixtures.SYNONYMS));
        assertTrue(e.getMessage().startsWith("document bad#faq-1 failed with status 400: illegal_argument_exception"),
                e.getMessage());
        assertEquals(before, indexer.indexesBehindAlias());
        assertEquals(List.of(before.get(0)), List.copyOf(client.indices()
                .get(g -> g.index(OpenSearchIndexer.DEFAULT_ALIAS + "-*")).result().keySet()));
        assertEquals(4, searcher.search(UnitQuery.of("magnesium")).total());
    }

    @Test
    void missingAliasIsUnavailableNotAnError() {
        OpenSearchUnitSearcher nowhere = new OpenSearchUnitSearcher(client, "no-such-alias");
        OpenSearchUnavailableException e = assertThrows(OpenSearchUnavailableException.class,
                () -> nowhere.search(UnitQuery.of("magnesium")));
        assertTrue(e.getMessage().startsWith("OpenSearch cannot serve 'no-such-alias' now"), e.getMessage());
    }

    private static List<String> openSearchTokens(String analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        for (AnalyzeToken t : client.indices().analyze(a -> a
                .index(OpenSearchIndexer.DEFAULT_ALIAS).analyzer(analyzer).text(text)).tokens()) {
            out.add(t.token() + "@" + t.position());
        }
        return out;
    }

    private static Set<String> tokenSet(String index, String text) throws IOException {
        Set<String> out = new HashSet<>();
        for (AnalyzeToken t : client.indices().analyze(a -> a
                .index(index).analyzer(OpenSearchSchema.SEARCH_ANALYZER).text(text)).tokens()) {
            out.add(t.token());
        }
        return out;
    }

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                out.add(term + "@" + position);
            }
            ts.end();
        }
        return out;
    }

    private static Set<String> ids(UnitSearchResult result) {
        return new HashSet<>(idList(result));
    }

    private static List<String> idList(UnitSearchResult result) {
        return result.hits().stream().map(h -> h.unit().id()).toList();
    }
}
