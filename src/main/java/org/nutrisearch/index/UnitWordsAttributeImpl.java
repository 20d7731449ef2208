package org.nutrisearch.index;

import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/**
 * {@link UnitWordsAttribute}: a setting of the whole field rather than of one token, so clearing the
 * token's attributes (every tokenizer step does) keeps it; {@link EnglishIndexingFilter} drops it when the
 * field ends.
 */
public final class UnitWordsAttributeImpl extends AttributeImpl implements UnitWordsAttribute {

    private UnitWords words;
    private boolean recording;

    @Override
    public UnitWords words() {
        return words;
    }

    @Override
    public boolean recording() {
        return recording;
    }

    @Override
    public void set(UnitWords words, boolean recording) {
        this.words = words;
        this.recording = recording;
    }

    @Override
    public void clear() {
        // Per field, not per token: see the class comment.
    }

    @Override
    public void end() {
        // As clear().
    }

    @Override
    public void copyTo(AttributeImpl target) {
        ((UnitWordsAttribute) target).set(words, recording);
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
        reflector.reflect(UnitWordsAttribute.class, "words", words);
        reflector.reflect(UnitWordsAttribute.class, "recording", recording);
    }
}
