package org.nutrisearch.search.query;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The word a search that found nothing probably meant, and the bound on the work of looking for it. */
class NearestIndexedWordTest {

    @Test
    void aMisspellingFindsItsWordAndAnOverlongWordIsNotLookedUp() throws Exception {
        String longWord = "a".repeat(40);
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(TextAnalyzers.indexing()))) {
                writer.addDocument(unit("u1", "Magnesium relaxes muscles."));
                writer.addDocument(unit("u2", "The word " + longWord + " is long."));
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                NearestIndexedWord nearest = new NearestIndexedWord();
                assertEquals(Optional.of("magnesium"), nearest.find(searcher, "magnesum"));
                // One letter off a 40-letter indexed word: found before the bound, at a cost that grew with
                // the word (a 490-letter query cost nine ordinary searches); now not looked up.
                assertEquals(Optional.empty(), nearest.find(searcher, "a".repeat(39) + "b"));
            }
        }
    }

    private static Document unit(String id, String text) {
        Document doc = new Document();
        doc.add(new SortedDocValuesField(UnitFields.ID, new BytesRef(id)));
        doc.add(new TextField(UnitFields.TEXT, text, Field.Store.YES));
        return doc;
    }
}
