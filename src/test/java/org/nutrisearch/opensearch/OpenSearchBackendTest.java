package org.nutrisearch.opensearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;
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
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.query.UnitQueryBuilder;

/** Schema, indexing, search and reindexing against a real cluster, on a 2-shard index with a replica. */
@Tag("integration")
@Tag("opensearch")
@ExtendWith(SharedOpenSearch.class)
class OpenSearchBackendTest {

    private static final String ALIAS = "fixtures";
    private static final UnitQueryBuilder QUERIES = new UnitQueryBuilder(TextAnalyzers.english());

    private static OpenSearchClient client;
    private static OpenSearchIndexer indexer;
    private static OpenSearchUnitSearcher searcher;
    private static OpenSearchIndexer.Result firstRun;

    @BeforeAll
    static void indexFixtures(OpenSearchTestCluster cluster) throws IOException {
        client = cluster.connection().client();
        OpenSearchIndexer.Options options = OpenSearchIndexer.Options.defaults()
                .withAlias(ALIAS)
                .withLayout(new IndexLayout(2, 1))
                .withBatchSize(6);
        indexer = new OpenSearchIndexer(client, OpenSearchSchema.load(), options);
        firstRun = indexer.reindex(UnitFixtures.units(), List.of(), List.of(), UnitFixtures.SYNONYMS);
        searcher = new OpenSearchUnitSearcher(client, ALIAS);
    }

    @Test
    void firstRunCreatesAVersionedIndexBehindTheAlias() throws IOException {
        assertTrue(firstRun.index().matches("fixtures-\\d{8}-\\d{6}-\\d{3}"), firstRun.index());
        assertEquals(List.of(), firstRun.replaced());
        assertEquals(20, firstRun.indexed());
        assertEquals(5, firstRun.bulkRequests()); // 20 units in batches of 6, and the build record
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
        UnitSearchResult result = search("sunlight vitamin d");
        assertEquals("vitamin-d-stiffness#section-1", result.hits().get(0).unit().id());
        // Units saying "vitamin" or "D" themselves: four on vitamin D, two on vitamin B12.
        assertEquals(6, result.total());
    }

    @Test
    void aggregationsCountAllMatchesByNutrientAndKind() {
        UnitSearchResult result = search(new SearchRequest("muscle", 3, 0, Set.of(), Set.of(), null));
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
        UnitSearchResult all = searcher.search(new MatchAllDocsQuery(), 0, 0);
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
                "b12-iron-tired-legs#table-1-row-1"), ids(search("iron")));
    }

    @Test
    void phrasesAreRequiredAndExcludedWordsRemoveUnits() {
        assertEquals(Set.of("magnesium-night-cramps#keypoint-1", "potassium-sodium-muscle-pain#section-2"),
                ids(search("\"leg cramps\"")));
        assertEquals(List.of("potassium-sodium-muscle-pain#section-2", "magnesium-night-cramps#keypoint-1"),
                idList(search("potassium \"leg cramps\"")));

        assertEquals(Set.of("magnesium-night-cramps#keypoint-1", "potassium-sodium-muscle-pain#section-2",
                "potassium-sodium-muscle-pain#faq-1"), ids(search("cramps -night")));

        // Only an exclusion: every unit but the four that say "magnesium" (the title does not count).
        assertEquals(16, search("-magnesium").total());
    }

    @Test
    void filtersByKindNutrientsAndArticle() {
        assertEquals(List.of("potassium-sodium-muscle-pain#faq-1"), idList(search(
                new SearchRequest("cramps", 10, 0, Set.of(UnitKind.FAQ), Set.of("potassium"), null))));
        // No words: every unit mentioning calcium, equal scores, so in id order.
        assertEquals(List.of("magnesium-night-cramps#section-1", "vitamin-d-stiffness#faq-1", "vitamin-d-stiffness#summary"),
                idList(searcher.search(allMentioning("calcium"), 0, 10)));
        assertEquals(List.of("vitamin-d-stiffness#faq-1", "vitamin-d-stiffness#summary"),
                idList(searcher.search(allMentioning("calcium", "vitamin-d"), 0, 10)));
        assertEquals(Set.of("b12-iron-tired-legs#section-2", "b12-iron-tired-legs#table-1-row-1"),
                ids(search(new SearchRequest("iron", 10, 0, Set.of(UnitKind.SECTION, UnitKind.TABLE), Set.of(),
                        "b12-iron-tired-legs"))));
        assertEquals(List.of(), idList(search(
                new SearchRequest("iron", 10, 0, Set.of(), Set.of(), "vitamin-d-stiffness"))));
    }

    @Test
    void highlightMarksTheMatchedWordInTheUnitText() {
        UnitSearchResult.Hit hit = search("sunlight").hits().get(0);
        String text = "Skin makes vitamin D from sunlight, so people who stay indoors through the winter often run short.";
        assertEquals(text, hit.unit().text());
        assertEquals(List.of(new MarkedFragment(text, List.of(new MarkedFragment.Span(26, 34)))), hit.fragments());
    }

    @Test
    void unitWithoutMatchInTextHasNoHighlight() {
        // "Osteomalacia" is only the heading: nothing in the text to mark.
        UnitSearchResult.Hit hit = search("osteomalacia").hits().get(0);
        assertEquals("vitamin-d-stiffness#section-2", hit.unit().id());
        assertEquals(List.of(), hit.fragments());
    }

    @Test
    void sourceReadsBackAsTheIndexedDocument() {
        UnitDocument expected = UnitFixtures.units().stream()
                .filter(u -> u.id().equals("potassium-sodium-muscle-pain#faq-1")).findFirst().orElseThrow();
        UnitDocument found = search("bananas").hits().get(0).unit();
        assertEquals(expected, found);
        assertNull(found.heading());
    }

    @Test
    void reindexSwitchesTheAliasWhileSearchesKeepSucceeding() throws Exception {
        List<String> before = indexesNamedAfterTheAlias();
        assertEquals(4, before.size(), "units, articles, suggestions and the build: " + before);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    if (search("magnesium").total() != 4) {
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
            run = indexer.reindex(UnitFixtures.units(), List.of(), List.of(), UnitFixtures.SYNONYMS);
            Thread.sleep(200);
        } finally {
            running.set(false);
            reader.join(10_000);
        }
        assertNull(failure.get(), () -> "a search failed: " + failure.get());
        assertEquals(0, wrong.get());
        assertTrue(searches.get() > 10, "searches during the reindex: " + searches.get());
        assertEquals(before, run.replaced().stream().sorted().toList());
        assertEquals(List.of(run.index()), indexer.indexesBehindAlias());
        for (String old : before) {
            assertFalse(client.indices().exists(e -> e.index(old)).value(), old + " should be deleted");
        }
    }

    @Test
    void failedReindexLeavesTheServedIndexAndRemovesItsOwn() throws IOException {
        List<String> before = indexer.indexesBehindAlias();
        List<String> articlesBefore = indexer.articleIndexesBehindAlias();
        List<String> all = indexesNamedAfterTheAlias();
        List<UnitDocument> units = new ArrayList<>(UnitFixtures.units());
        // A keyword longer than Lucene's 32766-byte term limit: the cluster refuses this one document.
        units.add(new UnitDocument("bad#faq-1", "x".repeat(40_000), "bad", "T", null, null, "Q?", "A.", List.of()));
        BulkIndexingException e = assertThrows(BulkIndexingException.class,
                () -> indexer.reindex(units, List.of(), List.of(), UnitFixtures.SYNONYMS));
        assertTrue(e.getMessage().startsWith("document bad#faq-1 failed with status 400: illegal_argument_exception"),
                e.getMessage());
        assertEquals(before, indexer.indexesBehindAlias());
        assertEquals(articlesBefore, indexer.articleIndexesBehindAlias());
        assertEquals(all, indexesNamedAfterTheAlias(), "the failed run removed its own indexes");
        assertEquals(4, search("magnesium").total());
    }

    @Test
    void missingAliasIsUnavailableNotAnError() {
        OpenSearchUnitSearcher nowhere = new OpenSearchUnitSearcher(client, "no-such-alias");
        OpenSearchUnavailableException e = assertThrows(OpenSearchUnavailableException.class,
                () -> nowhere.search(QUERIES.build(SearchRequest.of("magnesium")).query(), 0, 10));
        assertTrue(e.getMessage().startsWith("OpenSearch cannot serve 'no-such-alias' now"), e.getMessage());
    }

    /** Every index named after the alias (units, articles, suggestions; old and new), sorted. */
    private static List<String> indexesNamedAfterTheAlias() throws IOException {
        return client.indices().get(g -> g.index(ALIAS + "-*")).result().keySet().stream().sorted().toList();
    }

    /** The unit search the backend runs for {@code text}: the embedded query, translated. */
    private static UnitSearchResult search(String text) {
        return search(SearchRequest.of(text));
    }

    private static UnitSearchResult search(SearchRequest request) {
        return searcher.search(QUERIES.build(request).query(), request.offset(), request.limit());
    }

    /** Every unit mentioning all the given nutrients (no words: equal scores). */
    private static Query allMentioning(String... nutrients) {
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        for (String n : nutrients) {
            q.add(new TermQuery(new Term(UnitFields.NUTRIENT, n)), BooleanClause.Occur.FILTER);
        }
        return q.build();
    }

    private static List<String> openSearchTokens(String analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        for (AnalyzeToken t : client.indices().analyze(a -> a
                .index(ALIAS).analyzer(analyzer).text(text)).tokens()) {
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
