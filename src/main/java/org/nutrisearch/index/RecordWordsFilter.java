package org.nutrisearch.index;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;

import java.io.IOException;

/**
 * Passes every token on unchanged and records its word in the field's {@link UnitWords}, when the field
 * set one ({@link UnitWordsAttribute}): placed in the indexing chain where the words are still as the
 * spell field holds them (before stop words and stemming).
 */
final class RecordWordsFilter extends TokenFilter {

    private final TermToBytesRefAttribute term = addAttribute(TermToBytesRefAttribute.class);
    private final UnitWordsAttribute target = addAttribute(UnitWordsAttribute.class);
    private UnitWords recorder;

    RecordWordsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        recorder = target.recorder();
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (recorder != null) {
            recorder.add(term.getBytesRef());
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        // The next field analysed with this (reused) chain records only if it says so itself.
        recorder = null;
        target.setRecorder(null);
        super.close();
    }
}
