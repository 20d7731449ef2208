package org.nutrisearch.search.lucene;

import org.nutrisearch.search.QueryVectors;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.FaqEntry;
import org.nutrisearch.corpus.Section;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.embedding.ConceptEmbedder;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.IndexGenerations;
import org.nutrisearch.index.PassageText;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.index.LiveIndex;
import org.nutrisearch.search.HybridOptions;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchMode;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.SearchResult;

/** Semantic and hybrid search over a small index whose vectors come from {@link ConceptEmbedder}. */
class VectorSearchTest {

    private static final String MODEL = "concept-test";
    private static final Article CRAMPS = new Article("cramps", "Cramps and minerals", "corpus/cramps.txt", null,
            List.of(), List.of(new Section("Magnesium", null, "Low magnesium causes cramps at night.")),
            List.of(new FaqEntry(null, "Bananas are rich in potassium. Potassium helps muscles relax.")),
            List.of(), null);
    private static final Article MINERALS = new Article("minerals", "Minerals", "corpus/minerals.txt", null, List.of(),
            List.of(new Section("Iron", null, "Iron deficiency is linked to restless legs.")),
            List.of(), List.of(), null);

    @TempDir
    static Path dir;
    static NutrientLexicon lexicon;
    static LiveIndex withVectors;
    static LuceneSearchBackend hybrid;

    @BeforeAll
    static void index() throws Exception {
        lexicon = NutrientLexicon.loadDefault();
        IndexGenerations generations = new IndexGenerations(dir.resolve("vectors"));
        new IndexBuilder(new NutrientTagger(lexicon), new ObjectMapper(), new ConceptEmbedder(MODEL))
                .rebuild(List.of(CRAMPS, MINERALS), generations, null);
        withVectors = LiveIndex.open(generations.current().orElseThrow());
        // Fixed options, not the service's defaults: the expected scores below are RRF's with k = 60 and no floor.
        hybrid = backend(withVectors, new HybridOptions(HybridOptions.Fusion.RRF, 60, 0.5, 100, 0.0));
        hybrid.useQueryVectors(new QueryVectors(new ConceptEmbedder(MODEL), 16));
    }

    @AfterAll
    static void close() {
        hybrid.close();
    }

    private static LuceneSearchBackend backend(LiveIndex live, HybridOptions options) {
        return LuceneSearchBackend.open(live, lexicon, new ObjectMapper(), RankingOptions.DEFAULTS, SearchMode.HYBRID,
                options);
    }

    private static SearchResult search(LuceneSearchBackend backend, String query, SearchMode mode, Set<UnitKind> kinds) {
        return backend.search(new SearchRequest(query, 10, 0, kinds, Set.of(), null, null, mode));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(h -> h.unit().id()).toList();
    }

    private static float cosine(String query, String passage) {
        float[] q = ConceptEmbedder.embed(query);
        float[] p = ConceptEmbedder.embed(passage);
        float dot = 0;
        for (int i = 0; i < q.length; i++) {
            dot += q[i] * p[i];
        }
        return dot;
    }

    @Test
    void semanticSearchFindsAUnitThatSharesNoWordWithTheQuery() {
        assertEquals(0, search(hybrid, "electrolyte", SearchMode.LEXICAL, Set.of()).total());
        SearchResult result = search(hybrid, "electrolyte", SearchMode.SEMANTIC, Set.of());
        assertEquals(SearchMode.SEMANTIC, result.mode());
        assertEquals("cramps#faq-1", ids(result).getFirst());
        float expected = cosine("electrolyte", PassageText.of(CRAMPS.units().get(1)));
        assertEquals(expected, result.hits().getFirst().similarity(), 1e-5);
        assertEquals(expected, result.hits().getFirst().score(), 1e-5, "a semantic score is the cosine");
        assertEquals(3, result.total(), "every unit is among the nearest when the floor is 0");
    }

    @Test
    void hybridRanksFirstTheUnitBothListsPutFirst() {
        SearchResult result = search(hybrid, "potassium", SearchMode.HYBRID, Set.of());
        assertEquals(SearchMode.HYBRID, result.mode());
        assertEquals("cramps#faq-1", ids(result).getFirst());
        assertEquals(2f / 61, result.hits().getFirst().score(), 1e-6);
        assertEquals(3, result.total(), "the words' match plus the nearest units");
    }

    @Test
    void theRequestsModeIsTheDefaultWhenItNamesNone() {
        assertEquals(SearchMode.HYBRID, hybrid.search(SearchRequest.of("potassium")).mode());
    }

    @Test
    void filtersAndExclusionsRestrictTheNearestUnits() {
        SearchResult sections = search(hybrid, "electrolyte", SearchMode.SEMANTIC, Set.of(UnitKind.SECTION));
        assertEquals(List.of(UnitKind.SECTION, UnitKind.SECTION),
                sections.hits().stream().map(h -> h.unit().kind()).toList());
        SearchResult excluded = search(hybrid, "electrolyte -bananas", SearchMode.SEMANTIC, Set.of());
        assertFalse(ids(excluded).contains("cramps#faq-1"), ids(excluded).toString());
        assertEquals(2, excluded.total());
    }

    @Test
    void aQueryOfExclusionsOnlyRunsLexically() {
        SearchResult result = search(hybrid, "-iron", SearchMode.SEMANTIC, Set.of());
        assertEquals(SearchMode.LEXICAL, result.mode());
        assertEquals(List.of("cramps#faq-1", "cramps#section-1"), ids(result).stream().sorted().toList());
    }

    @Test
    void nearestUnitsBelowTheFloorAreDropped() {
        LuceneSearchBackend strict = backend(withVectors, new HybridOptions(HybridOptions.Fusion.RRF, 60, 0.5, 100, 0.99));
        strict.useQueryVectors(new QueryVectors(new ConceptEmbedder(MODEL), 16));
        SearchResult result = search(strict, "electrolyte", SearchMode.SEMANTIC, Set.of());
        assertEquals(SearchMode.SEMANTIC, result.mode());
        assertEquals(0, result.total());
        assertEquals(List.of(), result.hits());
    }

    @Test
    void withoutAQueryModelSearchesRunLexically() {
        LuceneSearchBackend noModel = backend(withVectors, HybridOptions.DEFAULTS);
        assertFalse(noModel.vectorsAvailable());
        SearchResult result = search(noModel, "potassium", SearchMode.HYBRID, Set.of());
        assertEquals(SearchMode.LEXICAL, result.mode());
        assertEquals(List.of("cramps#faq-1"), ids(result));
    }

    @Test
    void vectorsOfAnotherModelAreNeverComparedWithTheQuery() {
        LuceneSearchBackend other = backend(withVectors, HybridOptions.DEFAULTS);
        other.useQueryVectors(new QueryVectors(new ConceptEmbedder("another-model"), 16));
        assertFalse(other.vectorsAvailable());
        assertEquals(SearchMode.LEXICAL, search(other, "electrolyte", SearchMode.SEMANTIC, Set.of()).mode());
    }

    @Test
    void anIndexBuiltWithoutVectorsSearchesLexically() throws Exception {
        IndexGenerations generations = new IndexGenerations(dir.resolve("lexical"));
        new IndexBuilder(new NutrientTagger(lexicon), new ObjectMapper()).rebuild(List.of(CRAMPS), generations, null);
        try (LuceneSearchBackend lexical = backend(LiveIndex.open(generations.current().orElseThrow()),
                HybridOptions.DEFAULTS)) {
            lexical.useQueryVectors(new QueryVectors(new ConceptEmbedder(MODEL), 16));
            assertFalse(lexical.vectorsAvailable());
            assertEquals(SearchMode.LEXICAL, search(lexical, "potassium", SearchMode.HYBRID, Set.of()).mode());
        }
        assertTrue(hybrid.vectorsAvailable());
    }
}
