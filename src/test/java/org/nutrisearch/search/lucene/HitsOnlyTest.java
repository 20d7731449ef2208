package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.Facets;
import org.nutrisearch.search.SearchHit;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the answer service asks of the embedded index, done with less work and the same results, over the
 * bundled articles (vectors from {@link ConceptEmbedder}): searches without counts give the hits a search
 * with counts gives; the stored cosines read for a list of units are those read one by one; the articles
 * and term counts kept per generation are those read afresh.
 */
class HitsOnlyTest {

    @TempDir
    static Path dir;
    static LiveIndex live;
    static LuceneSearchBackend backend;

    @BeforeAll
    static void index() throws Exception {
        live = BundledConceptIndex.build(dir);
        backend = BundledConceptIndex.backend(live);
        backend.cacheResults(0);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void aSearchWithoutCountsGivesTheSameHitsAndNoCounts() throws Exception {
        for (SearchMode mode : SearchMode.values()) {
            int compared = 0;
            int counted = 0;
            for (String text : texts("/eval/search-queries.json", "query")) {
                SearchRequest request = new SearchRequest(text, 30, 0, Set.of(), Set.of(), null, null, mode, false);
                SearchResult full = backend.search(request);
                SearchResult bare = backend.search(request.withoutCounts());
                assertEquals(describe(full.hits()), describe(bare.hits()), mode.apiName() + ": " + text);
                assertEquals(full.mode(), bare.mode());
                assertEquals(bare.hits().size(), bare.total(), text);
                assertEquals(new Facets(List.of(), List.of()), bare.facets());
                assertNull(bare.didYouMean());
                compared += bare.hits().size();
                counted += full.total() > full.hits().size() ? 1 : 0;
            }
            assertTrue(compared > 300, mode.apiName() + ": hits compared " + compared);
            // The searches with counts counted more than their page: the ones without left that work out.
            assertTrue(counted > 10, mode.apiName() + ": searches with more matches than hits " + counted);
        }
    }

    @Test
    void aTypoIsCorrectedOnlyWhenCountsAreAskedFor() {
        SearchRequest request = new SearchRequest("magnesum cramps", 10, 0, Set.of(), Set.of(), null, null,
                SearchMode.LEXICAL, false);
        assertEquals("magnesium cramps", backend.search(request).didYouMean());
        assertNull(backend.search(request.withoutCounts()).didYouMean());
    }

    @Test
    void storedCosinesOfAListAreThoseReadOneByOne() throws IOException {
        try (LiveIndex.Lease lease = live.acquire()) {
            IndexSearcher searcher = lease.generation().searcher();
            float[] query = new ConceptEmbedder(BundledConceptIndex.MODEL).embedQuery("magnesium leg cramps at night");
            int maxDoc = searcher.getIndexReader().maxDoc();
            // Every document backwards, then a few again: any order, repeats, documents without vectors.
            int[] docs = new int[maxDoc + 3];
            for (int i = 0; i < maxDoc; i++) {
                docs[i] = maxDoc - 1 - i;
            }
            docs[maxDoc] = 0;
            docs[maxDoc + 1] = maxDoc / 2;
            docs[maxDoc + 2] = maxDoc - 1;
            for (String field : List.of(UnitFields.VECTOR, UnitFields.QUESTION_VECTOR)) {
                Float[] expected = new Float[docs.length];
                int withVector = 0;
                for (int i = 0; i < docs.length; i++) {
                    expected[i] = oneByOne(searcher, docs[i], query, field);
                    withVector += expected[i] != null ? 1 : 0;
                }
                assertArrayEquals(expected, StoredCosines.of(searcher, docs, query, field), field);
                assertTrue(withVector > 0 && withVector < docs.length, field + ": with a vector " + withVector);
            }
        }
    }

    @Test
    void unitsKeptForHitsWithoutSnippetsAreThoseReadAfresh() throws IOException {
        SearchRequest request = new SearchRequest("magnesium leg cramps at night", 30, 0, Set.of(), Set.of(), null, null,
                SearchMode.HYBRID, false).withoutCounts();
        List<SearchHit> first = backend.search(request).hits();
        List<SearchHit> again = backend.search(request).hits();
        assertEquals(30, first.size());
        try (LiveIndex.Lease lease = live.acquire()) {
            IndexSearcher searcher = lease.generation().searcher();
            for (int i = 0; i < first.size(); i++) {
                SearchHit hit = again.get(i);
                assertSame(first.get(i).unit(), hit.unit(), "kept: " + hit.unit().id());
                org.apache.lucene.search.TopDocs byId = searcher.search(
                        new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(UnitFields.ID, hit.unit().id())), 1);
                org.apache.lucene.document.Document doc = searcher.storedFields().document(byId.scoreDocs[0].doc);
                assertEquals(Hits.unitOf(doc), hit.unit());
                assertEquals(Hits.nutrientsOf(doc), hit.nutrients());
            }
        }
        // Every unit handed to a warm-up is kept as read: the hits of any later search are those units.
        Map<String, org.nutrisearch.corpus.Unit> handed = new java.util.HashMap<>();
        assertEquals(backend.stats().units(), backend.eachUnit(u -> handed.put(u.id(), u) == null));
        for (String text : List.of("iron deficiency restless legs", "vitamin d bones")) {
            List<SearchHit> hits = backend.search(new SearchRequest(text, 30, 0, Set.of(), Set.of(), null, null,
                    SearchMode.HYBRID, false).withoutCounts()).hits();
            assertEquals(30, hits.size());
            for (SearchHit hit : hits) {
                assertSame(handed.get(hit.unit().id()), hit.unit(), hit.unit().id());
            }
        }
        ShownUnits.Read read = new ShownUnits.Read(new org.nutrisearch.corpus.Unit("a#faq-1",
                org.nutrisearch.corpus.UnitKind.FAQ, "a", "Title", "src", null, "Q?", "text"), List.of());
        assertEquals(256 + 4 + 2 + 5 + 7 + 3, read.weight(), "text, question, title, id, source");
        ShownUnits none = new ShownUnits(1000, 100);
        none.putRead(1, read);
        assertNull(none.getRead(1), "heavier than the bound");
    }

    @Test
    void articlesAndTermCountsKeptAreThoseReadAfresh() throws IOException {
        try (LiveIndex.Lease lease = live.acquire()) {
            IndexSearcher searcher = lease.generation().searcher();
            String id = backend.articles().getFirst().id();
            Optional<Article> first = backend.article(id);
            assertTrue(first.isPresent());
            assertEquals(Listings.article(searcher, new ObjectMapper(), id), first);
            assertSame(first.get(), backend.article(id).orElseThrow());
            assertEquals(Optional.empty(), backend.article("no-such-article"));
            assertEquals(Optional.empty(), backend.article("no-such-article"));
            Map<String, Integer> counts = backend.unitFrequencies(List.of("magnesium", "cramp", "zzzz"));
            assertEquals(Listings.unitFrequency(searcher, "magnesium"), counts.get("magnesium"));
            assertEquals(Listings.unitFrequency(searcher, "cramp"), counts.get("cramp"));
            assertTrue(counts.get("magnesium") > 5, "magnesium in " + counts.get("magnesium") + " units");
            assertEquals(0, counts.get("zzzz"));
            assertEquals(counts, backend.unitFrequencies(List.of("magnesium", "cramp", "zzzz")));
        }
    }

    @Test
    void anArticlesDisclaimerIsTheOneItsParsedArticleHas() throws IOException {
        // A fresh backend: the articles the other tests parsed are kept, and the disclaimer must also be read
        // straight off the stored JSON.
        LuceneSearchBackend fresh = LuceneSearchBackend.open(live, NutrientLexicon.loadDefault(), new ObjectMapper());
        int withOwn = 0;
        List<String> ids = backend.articles().stream().map(a -> a.id()).toList();
        for (String id : ids) {
            String expected = backend.article(id).map(a -> a.disclaimer() == null ? "" : a.disclaimer()).orElseThrow();
            assertEquals(Optional.of(expected), fresh.disclaimer(id), id);
            assertEquals(Optional.of(expected), fresh.disclaimer(id), id + ", kept");
            assertEquals(Optional.of(expected), backend.disclaimer(id), id + ", from the parsed article");
            withOwn += expected.isBlank() ? 0 : 1;
        }
        assertTrue(ids.size() >= 5 && withOwn > 0, ids.size() + " articles, " + withOwn + " with a disclaimer");
        assertEquals(Optional.empty(), fresh.disclaimer("no-such-article"));
    }

    @Test
    void aDisclaimerIsReadOffTheTopLevelFieldOnly() {
        ObjectMapper json = new ObjectMapper();
        assertEquals("Ask a doctor.", Listings.disclaimerOf(json,
                "{\"id\":\"a\",\"sections\":[{\"disclaimer\":\"not this\"}],\"disclaimer\":\"Ask a doctor.\",\"tables\":[]}"));
        assertEquals("", Listings.disclaimerOf(json, "{\"id\":\"a\",\"disclaimer\":null}"));
        assertEquals("", Listings.disclaimerOf(json, "{\"id\":\"a\",\"faqs\":[{\"disclaimer\":\"not this\"}]}"));
    }

    /** The cosine as the search read it before: a vector reader opened and positioned for this one document. */
    private static Float oneByOne(IndexSearcher searcher, int doc, float[] query, String field) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int target = doc - leaf.docBase;
        return it.advance(target) == target ? VectorUtil.dotProduct(query, values.vectorValue(it.index())) : null;
    }

    private static List<String> describe(List<SearchHit> hits) {
        List<String> out = new ArrayList<>();
        for (SearchHit h : hits) {
            assertNotNull(h.unit());
            out.add(h.unit().id() + " " + h.score() + " " + h.similarity() + " " + h.questionSimilarity());
        }
        return out;
    }

    private static List<String> texts(String resource, String field) throws Exception {
        try (InputStream in = HitsOnlyTest.class.getResourceAsStream(resource)) {
            List<String> texts = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(q -> texts.add(q.get(field).asText()));
            return texts;
        }
    }
}
