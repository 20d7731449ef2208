package org.nutrisearch.search.lucene;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Cosines of the query's vector with the vectors stored for a list of documents in one field: the
 * documents visited in index order with one vector reader per segment, instead of a reader opened and
 * positioned for each document (which was most of what a search allocated for its 30–100 cosines).
 * The cosine is the dot product of the unit-length vectors, the same float whichever way it is read.
 */
final class StoredCosines {

    private StoredCosines() {
    }

    /**
     * The cosine of each of {@code docs} (top-level document ids, any order, repeats allowed) in
     * {@code field} with {@code query}, in the order given; null for a document without a vector there.
     */
    static Float[] of(IndexSearcher searcher, int[] docs, float[] query, String field) throws IOException {
        Float[] out = new Float[docs.length];
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafOrd = -1;
        LeafReaderContext leaf = null;
        FloatVectorValues values = null;
        KnnVectorValues.DocIndexIterator it = null;
        for (int i : order) {
            int doc = docs[i];
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leafOrd) {
                leafOrd = at;
                leaf = leaves.get(at);
                values = leaf.reader().getFloatVectorValues(field);
                it = values == null ? null : values.iterator();
            }
            if (it == null) {
                continue;
            }
            int target = doc - leaf.docBase;
            if (it.docID() < target) {
                it.advance(target);
            }
            if (it.docID() == target) {
                out[i] = VectorUtil.dotProduct(query, values.vectorValue(it.index()));
            }
        }
        return out;
    }
}
