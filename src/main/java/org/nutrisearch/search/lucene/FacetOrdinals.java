package org.nutrisearch.search.lucene;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.util.List;

/**
 * Every document's kind and nutrients as small numbers, per segment, read once per generation from the
 * doc values. Counting the facets of a search that matches tens of thousands of units is then a few
 * array reads per match, instead of a doc-values lookup per field (sparse ones, which article documents
 * leave out, search a block index each time). About 6 bytes per document. Immutable.
 */
final class FacetOrdinals {

    /**
     * One segment: {@code kinds[doc]} is the kind's ordinal plus one (0: none); the nutrient ordinals of
     * {@code doc} are {@code nutrients[starts[doc]]} up to {@code nutrients[starts[doc + 1]]}.
     */
    record Leaf(byte[] kinds, int[] starts, short[] nutrients, String[] kindNames, String[] nutrientNames) {
    }

    private final List<Leaf> leaves;

    private FacetOrdinals(List<Leaf> leaves) {
        this.leaves = leaves;
    }

    static FacetOrdinals of(IndexReader reader) throws IOException {
        List<LeafReaderContext> contexts = reader.leaves();
        Leaf[] leaves = new Leaf[contexts.size()];
        for (LeafReaderContext context : contexts) {
            leaves[context.ord] = leaf(context.reader());
        }
        return new FacetOrdinals(List.of(leaves));
    }

    Leaf leaf(LeafReaderContext context) {
        return leaves.get(context.ord);
    }

    private static Leaf leaf(LeafReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        SortedDocValues kindValues = DocValues.getSorted(reader, UnitFields.KIND);
        SortedSetDocValues nutrientValues = DocValues.getSortedSet(reader, UnitFields.NUTRIENT);
        if (kindValues.getValueCount() > Byte.MAX_VALUE - 1 || nutrientValues.getValueCount() > Short.MAX_VALUE) {
            throw new IllegalStateException("more kinds or nutrients than facets count: " + kindValues.getValueCount()
                    + ", " + nutrientValues.getValueCount());
        }
        byte[] kinds = new byte[maxDoc];
        int[] starts = new int[maxDoc + 1];
        short[] nutrients = new short[16];
        int n = 0;
        for (int doc = 0; doc < maxDoc; doc++) {
            starts[doc] = n;
            if (kindValues.advanceExact(doc)) {
                kinds[doc] = (byte) (kindValues.ordValue() + 1);
            }
            if (nutrientValues.advanceExact(doc)) {
                for (int i = 0; i < nutrientValues.docValueCount(); i++) {
                    if (n == nutrients.length) {
                        nutrients = java.util.Arrays.copyOf(nutrients, n * 2);
                    }
                    nutrients[n++] = (short) nutrientValues.nextOrd();
                }
            }
        }
        starts[maxDoc] = n;
        String[] kindNames = new String[kindValues.getValueCount()];
        for (int ord = 0; ord < kindNames.length; ord++) {
            kindNames[ord] = kindValues.lookupOrd(ord).utf8ToString();
        }
        String[] nutrientNames = new String[(int) nutrientValues.getValueCount()];
        for (int ord = 0; ord < nutrientNames.length; ord++) {
            nutrientNames[ord] = nutrientValues.lookupOrd(ord).utf8ToString();
        }
        return new Leaf(kinds, starts, java.util.Arrays.copyOf(nutrients, n), kindNames, nutrientNames);
    }
}
