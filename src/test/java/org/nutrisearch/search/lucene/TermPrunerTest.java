package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.query.QueryPlan;
import org.nutrisearch.search.query.UnitQueryBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leaving out clauses no unit can match changes neither the matches nor the scores. */
class TermPrunerTest {

    @TempDir
    static Path dir;
    static DirectoryReader reader;
    static TermPruner pruner;

    @BeforeAll
    static void index() throws Exception {
        new IndexBuilder(new NutrientTagger(NutrientLexicon.loadDefault()), new ObjectMapper())
                .write(new CorpusLoader().load(Path.of("corpus")).articles(), dir, null);
        reader = DirectoryReader.open(FSDirectory.open(dir));
        pruner = TermPruner.of(new IndexSearcher(reader));
    }

    @AfterAll
    static void close() throws Exception {
        reader.close();
    }

    private static TermQuery text(String term) {
        return new TermQuery(new Term(UnitFields.TEXT, term));
    }

    @Test
    void clausesOfTermsNoUnitHoldsAreLeftOutAndTwoClausesStayTwo() {
        assertTrue(pruner.indexed(new Term(UnitFields.TEXT, "magnesium")));
        Query known = new BoostQuery(text("magnesium"), 2f);
        Query q = new BooleanQuery.Builder().add(known, Occur.SHOULD).add(text("xyzzy"), Occur.SHOULD)
                .add(text("plugh"), Occur.SHOULD).add(text("cramp"), Occur.SHOULD).build();
        assertEquals(new BooleanQuery.Builder().add(known, Occur.SHOULD).add(text("cramp"), Occur.SHOULD).build(),
                pruner.prune(q));
        // One clause left of three: the first one left out stays, so Lucene does not fold the query into it.
        Query one = new BooleanQuery.Builder().add(text("xyzzy"), Occur.SHOULD).add(known, Occur.SHOULD)
                .add(text("plugh"), Occur.SHOULD).build();
        assertEquals(new BooleanQuery.Builder().add(known, Occur.SHOULD).add(text("xyzzy"), Occur.SHOULD).build(),
                pruner.prune(one));
        Query dismax = new DisjunctionMaxQuery(List.of(text("xyzzy"), text("plugh"), known), 0.1f);
        assertEquals(new DisjunctionMaxQuery(List.of(known, text("xyzzy")), 0.1f), pruner.prune(dismax));
        // Nothing to leave out: the same query.
        Query full = new BooleanQuery.Builder().add(known, Occur.SHOULD).add(text("cramp"), Occur.MUST).build();
        assertEquals(full, pruner.prune(full));
    }

    @Test
    void keptTermClausesCarryTheirStatesLookedUpOnce() throws Exception {
        Term magnesium = new Term(UnitFields.TEXT, "magnesium");
        TermQuery first = (TermQuery) pruner.prune(text("magnesium"));
        assertSame(pruner.statesOf(magnesium), first.getTermStates());
        assertSame(first.getTermStates(), ((TermQuery) ((BoostQuery) pruner.prune(new BoostQuery(text("magnesium"), 2f)))
                .getQuery()).getTermStates());
        assertEquals(reader.docFreq(magnesium), first.getTermStates().docFreq());
        assertEquals(reader.totalTermFreq(magnesium), first.getTermStates().totalTermFreq());
        // A clause that carries its states already is kept as it is.
        assertSame(first, pruner.prune(first));
    }

    @Test
    void aClauseKeptThoughNoUnitMatchesItCarriesStatesToo() {
        Query known = text("magnesium");
        BooleanQuery pruned = (BooleanQuery) pruner.prune(new BooleanQuery.Builder().add(text("xyzzy"), Occur.SHOULD)
                .add(known, Occur.SHOULD).add(text("plugh"), Occur.SHOULD).build());
        TermQuery absent = (TermQuery) pruned.clauses().get(1).query();
        assertEquals(new Term(UnitFields.TEXT, "xyzzy"), absent.getTerm());
        assertEquals(0, absent.getTermStates().docFreq());
        // Kept whole when nested: its indexed terms carry their kept states, the others empty ones.
        Query nested = new BooleanQuery.Builder().add(text("magnesium"), Occur.SHOULD).add(text("xyzzy"), Occur.MUST).build();
        BooleanQuery outer = (BooleanQuery) pruner.prune(new BooleanQuery.Builder().add(nested, Occur.SHOULD)
                .add(text("cramp"), Occur.SHOULD).build());
        BooleanQuery kept = (BooleanQuery) outer.clauses().get(1).query();
        assertEquals(nested, kept);
        assertSame(pruner.statesOf(new Term(UnitFields.TEXT, "magnesium")),
                ((TermQuery) kept.clauses().get(0).query()).getTermStates());
        assertEquals(0, ((TermQuery) kept.clauses().get(1).query()).getTermStates().docFreq());
    }

    @Test
    void aRequiredClauseNoUnitCanMatchLeavesNothingToMatch() {
        Query q = new BooleanQuery.Builder().add(text("magnesium"), Occur.SHOULD).add(text("xyzzy"), Occur.MUST).build();
        assertInstanceOf(MatchNoDocsQuery.class, pruner.prune(q));
        Query phrase = new PhraseQuery(UnitFields.TEXT, "magnesium", "xyzzy");
        assertInstanceOf(MatchNoDocsQuery.class, pruner.prune(phrase));
        // An exclusion nothing matches is left out; the words still search.
        Query excluding = new BooleanQuery.Builder().add(text("magnesium"), Occur.MUST).add(text("xyzzy"), Occur.MUST_NOT)
                .build();
        assertEquals(new BooleanQuery.Builder().add(text("magnesium"), Occur.MUST).add(text("xyzzy"), Occur.MUST_NOT).build(),
                pruner.prune(excluding));
    }

    @Test
    void rankingQueriesFindTheSameUnitsWithTheSameScoresPruned() throws Exception {
        NutrientTagger tagger = new NutrientTagger(NutrientLexicon.loadDefault());
        UnitQueryBuilder queries = UnitQueryBuilder.standard(tagger, RankingOptions.DEFAULTS);
        IndexSearcher searcher = new IndexSearcher(reader);
        IndexVocabulary vocabulary = new IndexVocabulary(reader);
        List<String> texts = new ArrayList<>(org.nutrisearch.bench.QueryMix.load().queries("mix"));
        texts.addAll(List.of("magnesum cramsp at nihgt", "what causes restless legs syndrome in pregnancy",
                "\"leg cramps\" -potassium", "-iron", "charley horse low potassium", "xyzzy plugh"));
        int changed = 0;
        long hits = 0;
        for (String text : texts) {
            QueryPlan plan = queries.plan(SearchRequest.of(text), vocabulary);
            Query query = queries.query(plan);
            Query pruned = pruner.prune(query);
            changed += pruned.equals(query) ? 0 : 1;
            TopDocs all = searcher.search(query, 200);
            TopDocs some = searcher.search(pruned, 200);
            assertEquals(all.totalHits, some.totalHits, text);
            assertEquals(all.scoreDocs.length, some.scoreDocs.length, text);
            for (int i = 0; i < all.scoreDocs.length; i++) {
                ScoreDoc a = all.scoreDocs[i];
                ScoreDoc b = some.scoreDocs[i];
                assertEquals(a.doc, b.doc, text);
                assertEquals(Float.floatToIntBits(a.score), Float.floatToIntBits(b.score), text);
            }
            hits += all.scoreDocs.length;
        }
        assertTrue(changed > texts.size() / 2, changed + " of " + texts.size() + " queries pruned");
        assertTrue(hits > 1000, hits + " hits");
    }
}
