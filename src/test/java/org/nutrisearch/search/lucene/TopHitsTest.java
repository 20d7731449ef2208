package org.nutrisearch.search.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nutrisearch.bench.QueryMix;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.IndexBuilder;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;
import org.nutrisearch.search.query.UnitQueryBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The top of a ranking found through its score bound is the top of scoring every match, scores bit for bit. */
class TopHitsTest {

    @TempDir
    static Path dir;
    static DirectoryReader reader;

    @BeforeAll
    static void index() throws Exception {
        new IndexBuilder(new NutrientTagger(NutrientLexicon.loadDefault()), new ObjectMapper())
                .write(new CorpusLoader().load(Path.of("corpus")).articles(), dir, null);
        reader = DirectoryReader.open(FSDirectory.open(dir));
    }

    @AfterAll
    static void close() throws Exception {
        reader.close();
    }

    /** Each hit as "doc score-bits", the order kept. */
    private static List<String> hits(TopDocs docs) {
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : docs.scoreDocs) {
            out.add(sd.doc + " " + Float.floatToIntBits(LexicalSearch.scoreOf(sd)));
        }
        return out;
    }

    private static TopFieldCollectorManager top(int n) {
        return new TopFieldCollectorManager(LexicalSearch.BY_SCORE_THEN_ID, n, null, n);
    }

    @Test
    void theServiceQueriesGetTheSamePagesAndScoresAsWhenEveryMatchIsScored() throws Exception {
        NutrientLexicon lexicon = NutrientLexicon.loadDefault();
        UnitQueryBuilder queries = UnitQueryBuilder.standard(new NutrientTagger(lexicon), RankingOptions.DEFAULTS);
        List<SearchRequest> requests = new ArrayList<>();
        for (String q : QueryMix.load().queries("mix")) {
            requests.add(SearchRequest.of(q));
            requests.add(new SearchRequest(q, 3, 4, Set.of(UnitKind.FAQ, UnitKind.SECTION), Set.of(), null));
            requests.add(new SearchRequest(q + " -potassium", 1, 0, Set.of(), Set.of(), null));
        }
        requests.add(new SearchRequest("cramps", 5, 0, Set.of(), Set.of("magnesium"), null));
        requests.add(SearchRequest.of("\"leg cramps\" -potassium"));
        requests.add(SearchRequest.of("what causes muscle cramps at night"));
        requests.add(SearchRequest.of("-iron"));
        IndexSearcher searcher = new IndexSearcher(reader);
        var vocabulary = new IndexVocabulary(reader);
        int ranked = 0;
        int bounded = 0;
        for (SearchRequest request : requests) {
            Query query = searcher.rewrite(queries.query(queries.plan(request, vocabulary)));
            int n = request.offset() + request.limit();
            List<String> expected = hits(searcher.search(query, top(n)));
            assertEquals(expected, hits(TopHits.search(searcher, query, top(n))), request.query());
            ranked += expected.size();
            bounded += ScoreBound.of(query) == null ? 0 : 1;
        }
        assertTrue(ranked > 500, ranked + " hits compared");
        // Exclusions alone: every unit matches (a constant score), which the bound ranks as well.
        assertEquals(requests.size(), bounded, "every query has a bound");
    }

    @Test
    void aDocumentOnlyTheOptionalClausesMatchIsNoHit() throws Exception {
        try (ByteBuffersDirectory memory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(memory, new IndexWriterConfig(TextAnalyzers.english()))) {
                String[][] docs = {{"u1", "magnesium cramps", "leg"}, {"u2", "iron", "leg leg leg"},
                        {"u3", "magnesium", "other"}, {"u4", "cramps", "leg"}, {"u5", "magnesium", "leg"}};
                for (String[] d : docs) {
                    Document doc = new Document();
                    doc.add(new StringField(UnitFields.ID, d[0], Field.Store.YES));
                    doc.add(new SortedDocValuesField(UnitFields.ID, new BytesRef(d[0])));
                    doc.add(new TextField("text", d[1], Field.Store.NO));
                    doc.add(new TextField("title", d[2], Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader r = DirectoryReader.open(memory)) {
                IndexSearcher searcher = new IndexSearcher(r);
                Query own = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term("text", "magnesium")), Occur.SHOULD)
                        .add(new BoostQuery(new TermQuery(new Term("text", "cramp")), 2f), Occur.SHOULD).build();
                Query query = searcher.rewrite(new BooleanQuery.Builder().add(own, Occur.MUST)
                        .add(new BoostQuery(new TermQuery(new Term("title", "leg")), 5f), Occur.SHOULD).build());
                List<String> expected = hits(searcher.search(query, top(2)));
                assertEquals(expected, hits(TopHits.search(searcher, query, top(2))));
                // u4 (cramps weighs twice, a short text, and the title), u1 (both words and the title), u5
                // (the title), u3; u2 has the best title but none of the required words.
                assertEquals(List.of(3, 0, 4, 2), List.of(TopHits.search(searcher, query, top(10)).scoreDocs).stream()
                        .map(sd -> sd.doc).toList());
            }
        }
    }
}
