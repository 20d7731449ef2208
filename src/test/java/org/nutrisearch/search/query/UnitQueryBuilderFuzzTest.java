package org.nutrisearch.search.query;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.Nutrient;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;

/**
 * Coverage-guided fuzzing of {@link UnitQueryBuilder#build}: whatever is typed (up to the API's 500
 * characters) and whatever filters are chosen, the query builds, stays within a fixed clause budget,
 * and runs on the bundled articles' index without an exception.
 */
class UnitQueryBuilderFuzzTest {

    static UnitQueryBuilder builder;
    /** The service's builder: synonyms, nutrients and typo corrections from the index. */
    static UnitQueryBuilder service;
    static QueryCorrector corrector;
    static List<String> nutrientIds;
    static DirectoryReader reader;
    static IndexSearcher searcher;
    static Vocabulary vocabulary;
    static Path dir;

    @BeforeAll
    static void index() throws Exception {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        nutrientIds = lexicon.nutrients().stream().map(Nutrient::id).toList();
        builder = new UnitQueryBuilder(TextAnalyzers.english());
        service = new UnitQueryBuilder(TextAnalyzers.english(),
                TextAnalyzers.englishWithSynonyms(TextAnalyzers.defaultSynonyms()), new NutrientTagger(lexicon),
                RankingOptions.DEFAULTS);
        corrector = new QueryCorrector(service);
        dir = Files.createTempDirectory("query-fuzz");
        new IndexBuilder(new NutrientTagger(lexicon), new ObjectMapper())
                .write(new CorpusLoader().load(Path.of("corpus")).articles(), dir, null);
        reader = DirectoryReader.open(FSDirectory.open(dir));
        searcher = new IndexSearcher(reader);
        vocabulary = new org.nutrisearch.search.lucene.IndexVocabulary(reader);
    }

    @AfterAll
    static void close() throws Exception {
        reader.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @FuzzTest(maxDuration = "15s")
    void anyQueryBuildsWithinTheClauseBudgetAndRuns(FuzzedDataProvider data) throws Exception {
        Set<UnitKind> kinds = EnumSet.noneOf(UnitKind.class);
        for (UnitKind kind : UnitKind.values()) {
            if (data.consumeBoolean()) {
                kinds.add(kind);
            }
        }
        Set<String> nutrients = new LinkedHashSet<>();
        int wanted = data.consumeInt(0, 3);
        for (int i = 0; i < wanted; i++) {
            nutrients.add(data.pickValue(nutrientIds));
        }
        String article = data.consumeBoolean() ? "leg-cramps-vitamin-deficiency" : null;
        String q = data.consumeString(500);
        SearchRequest request = new SearchRequest(q, 10, 0, kinds, nutrients, article);
        UnitQueryBuilder.Built built = builder.build(request);
        assertNotNull(built.terms());
        int clauses = clauses(built.query());
        int budget = 4 * (UnitQueryBuilder.MAX_TERMS + UserQuery.MAX_PARTS) + 3 + kinds.size() + nutrients.size();
        assertTrue(clauses <= budget, clauses + " clauses for " + q);
        searcher.count(built.query());

        // The service's query adds synonyms, nutrient names and corrections: it must still build and
        // run under Lucene's clause limit, and so must "did you mean".
        UnitQueryBuilder.Built ranked = service.build(request, vocabulary);
        assertNotNull(ranked.terms());
        int rankedClauses = clauses(ranked.query());
        assertTrue(rankedClauses <= IndexSearcher.getMaxClauseCount() / 2, rankedClauses + " clauses for " + q);
        searcher.count(ranked.query());
        corrector.correct(request, vocabulary, query -> {
            try {
                return searcher.count(query);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Leaf clauses as IndexSearcher counts them against its limit. */
    static int clauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query q) {
                count[0]++;
            }

            @Override
            public void consumeTerms(Query q, Term... terms) {
                count[0]++;
            }
        });
        return count[0];
    }
}
