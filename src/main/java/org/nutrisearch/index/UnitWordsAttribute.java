package org.nutrisearch.index;

import org.apache.lucene.util.Attribute;

/**
 * Where the words of the field being analysed are recorded ({@link UnitWords}), or null for a field whose
 * words the spell field does not take (the article title). Set by the field before Lucene resets its
 * token stream, read by {@link RecordWordsFilter}.
 */
public interface UnitWordsAttribute extends Attribute {

    /** The recorder for the current field, or null. */
    UnitWords recorder();

    /** Sets the recorder for the current field (null: record nothing). */
    void setRecorder(UnitWords recorder);
}
