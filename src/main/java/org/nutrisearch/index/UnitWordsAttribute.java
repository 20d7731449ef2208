package org.nutrisearch.index;

import org.apache.lucene.util.Attribute;

/**
 * The indexing thread's {@link UnitWords} for the field being analysed (its {@link AnalysedWords} serve
 * every English field), and whether the field's words are recorded for the spell field (heading, question
 * and text; not the article title). Set by the field before Lucene resets its token stream, read by
 * {@link EnglishIndexingFilter}.
 */
public interface UnitWordsAttribute extends Attribute {

    /** The thread's words, or null when the field set none. */
    UnitWords words();

    /** Whether the field's words are recorded in {@link #words()}. */
    boolean recording();

    /** Sets both for the current field. */
    void set(UnitWords words, boolean recording);
}
