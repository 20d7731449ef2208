package org.nutrisearch.search.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.nutrisearch.index.TextAnalyzers;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Terms looked up once change neither the query's matches nor its scores, and a repeated term is looked up once. */
class TermsLookedUpTest {

    private static List<String> scored(IndexSearcher searcher, Query query) throws Exception {
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, 10).scoreDocs) {
            out.add(sd.doc + " " + Float.floatToIntBits(sd.score));
        }
        return out;
    }

    @Test
    void theSameHitsAndScoresWithEachTermLookedUpOnce() throws Exception {
        try (ByteBuffersDirectory memory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(memory, new IndexWriterConfig(TextAnalyzers.english()))) {
                for (String[] d : new String[][]{{"magnesium cramps at night", "cramps"}, {"iron", "leg cramps"},
                        {"magnesium and potassium", "magnesium"}}) {
                    Document doc = new Document();
                    doc.add(new TextField("text", d[0], Field.Store.NO));
                    doc.add(new TextField("heading", d[1], Field.Store.NO));
                    writer.addDocument(doc);
                    writer.commit(); // one segment each: the states hold one entry per segment
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(memory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                TermQuery magnesium = new TermQuery(new Term("text", "magnesium"));
                Query query = searcher.rewrite(new BooleanQuery.Builder()
                        .add(new BoostQuery(magnesium, 2f), Occur.SHOULD)
                        .add(new DisjunctionMaxQuery(List.of(new TermQuery(new Term("heading", "cramp")), magnesium), 0.1f),
                                Occur.SHOULD)
                        .add(new ConstantScoreQuery(new TermQuery(new Term("text", "potassium"))), Occur.SHOULD)
                        .add(new TermQuery(new Term("text", "absent")), Occur.SHOULD)
                        .build());
                Query looked = TermsLookedUp.of(searcher, query);
                assertEquals(query, looked);
                assertEquals(scored(searcher, query), scored(searcher, looked));
                assertEquals(3, scored(searcher, looked).size());
                BooleanQuery b = (BooleanQuery) looked;
                TermQuery first = (TermQuery) ((BoostQuery) b.clauses().get(0).query()).getQuery();
                TermQuery again = (TermQuery) ((DisjunctionMaxQuery) b.clauses().get(1).query()).getDisjuncts().stream()
                        .filter(q -> q.equals(magnesium)).findFirst().orElseThrow();
                assertSame(first.getTermStates(), again.getTermStates());
                assertEquals(2, first.getTermStates().docFreq());
            }
        }
    }
}
