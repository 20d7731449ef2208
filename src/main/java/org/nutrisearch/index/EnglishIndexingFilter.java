package org.nutrisearch.index;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;

/**
 * The end of the indexing chain's English analysis: drops English stop words and Porter-stems the rest,
 * as Lucene's {@link org.apache.lucene.analysis.StopFilter} and
 * {@link org.apache.lucene.analysis.en.PorterStemFilter} would (a dropped word's position is kept, as
 * theirs is), but by looking each word up in the thread's {@link AnalysedWords} instead of testing and
 * stemming it again at every occurrence. Before that it records the word, as written, in the field's
 * {@link UnitWords} when the field asks for it ({@link UnitWordsAttribute}: heading, question and text),
 * for the spell field.
 */
final class EnglishIndexingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final UnitWordsAttribute target = addAttribute(UnitWordsAttribute.class);
    /** For a field that set no {@link UnitWords} (an index written without {@link UnitDocuments}). */
    private AnalysedWords ownWords;
    private AnalysedWords analysed;
    private UnitWords recorder;
    /** Positions of the stop words dropped since the last word passed on. */
    private int skippedPositions;

    EnglishIndexingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        skippedPositions = 0;
        UnitWords words = target.words();
        if (words != null) {
            analysed = words.analysed();
            recorder = target.recording() ? words : null;
        } else {
            if (ownWords == null) {
                ownWords = new AnalysedWords();
            }
            ownWords.trim();
            analysed = ownWords;
            recorder = null;
        }
    }

    @Override
    public boolean incrementToken() throws IOException {
        skippedPositions = 0;
        while (input.incrementToken()) {
            int word = analysed.lookup(term.buffer(), term.length());
            if (recorder != null) {
                recorder.record(word);
            }
            if (analysed.isStopWord(word)) {
                skippedPositions += increment.getPositionIncrement();
                continue;
            }
            if (analysed.isStemmed(word)) {
                term.copyBuffer(analysed.termChars(), analysed.termStart(word), analysed.termLength(word));
            }
            if (skippedPositions != 0) {
                increment.setPositionIncrement(increment.getPositionIncrement() + skippedPositions);
            }
            return true;
        }
        return false;
    }

    @Override
    public void end() throws IOException {
        super.end();
        increment.setPositionIncrement(increment.getPositionIncrement() + skippedPositions);
    }

    @Override
    public void close() throws IOException {
        // The next field analysed with this (reused) chain records only if it says so itself.
        recorder = null;
        analysed = null;
        target.set(null, false);
        super.close();
    }
}
