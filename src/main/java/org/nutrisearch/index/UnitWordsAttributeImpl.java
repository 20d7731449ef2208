package org.nutrisearch.index;

import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/**
 * {@link UnitWordsAttribute}: a setting of the whole field rather than of one token, so clearing the
 * token's attributes (every tokenizer step does) keeps it; {@link RecordWordsFilter} drops it when the
 * field ends.
 */
public final class UnitWordsAttributeImpl extends AttributeImpl implements UnitWordsAttribute {

    private UnitWords recorder;

    @Override
    public UnitWords recorder() {
        return recorder;
    }

    @Override
    public void setRecorder(UnitWords recorder) {
        this.recorder = recorder;
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
        ((UnitWordsAttribute) target).setRecorder(recorder);
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
        reflector.reflect(UnitWordsAttribute.class, "recorder", recorder);
    }
}
