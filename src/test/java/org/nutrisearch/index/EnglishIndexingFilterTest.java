package org.nutrisearch.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.nutrisearch.corpus.Article;
import org.nutrisearch.corpus.CorpusLoader;
import org.nutrisearch.corpus.Unit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The indexing chain's looked-up stop words and stems ({@link EnglishIndexingFilter}, {@link AnalysedWords})
 * give exactly the tokens of {@link TextAnalyzers#english()} (Lucene's stop filter and Porter stemmer):
 * terms, positions, offsets and the end of the stream; and the words it records for the spell field are
 * {@link TextAnalyzers#plain()}'s, each once, in first-seen order.
 */
class EnglishIndexingFilterTest {

    private static final List<String> TEXTS = List.of(
            "The cramps' cause: low magnesium. The CRAMPS return.",
            "the of and", "", "  ", "Is it the one?",
            "Running runners ran; happily, generously, relational conditional hopefulness",
            "John's cats' toys aren't Magnesium's",
            "Café naïve résumé Ärzte über 𝒳-ray ﬁne",
            "1,000 mg/day of vitamin-D3 (25-OH) at 09:30 e.g. U.S.A. B12 B-12",
            "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with",
            "an apple a day, the end of the");

    @Test
    void givesTheEnglishAnalyzersTokens() throws Exception {
        Analyzer english = TextAnalyzers.english();
        Analyzer indexing = TextAnalyzers.indexing();
        UnitWords words = new UnitWords();
        List<String> texts = texts();
        // Twice: the second pass finds every word in the thread's table.
        for (int pass = 0; pass < 2; pass++) {
            for (String text : texts) {
                words.clear();
                assertEquals(tokens(english, text, null, false), tokens(indexing, text, words, true), text);
                assertEquals(tokens(english, text, null, false), tokens(indexing, text, words, false), text);
                // A field that set no words (an index written without UnitDocuments) gets the same.
                assertEquals(tokens(english, text, null, false), tokens(indexing, text, null, false), text);
            }
        }
    }

    @Test
    void recordsThePlainWordsOnceInFirstSeenOrder() throws Exception {
        Analyzer indexing = TextAnalyzers.indexing();
        Analyzer plain = TextAnalyzers.plain();
        UnitWords words = new UnitWords();
        for (String text : texts()) {
            words.clear();
            tokens(indexing, "The Heading's words", words, true);
            tokens(indexing, "Title words are not recorded", words, false);
            tokens(indexing, text, words, true);
            LinkedHashSet<String> expected = new LinkedHashSet<>(TextAnalyzers.terms(plain, "The Heading's words"));
            expected.addAll(TextAnalyzers.terms(plain, text));
            assertEquals(new ArrayList<>(expected), replayed(words), text);
        }
    }

    @Test
    void aFullTableStartsAfreshBetweenUnits() {
        AnalysedWords analysed = new AnalysedWords();
        int cramps = analysed.lookup("cramps".toCharArray(), 6);
        assertEquals(cramps, analysed.lookup("crampsXYZ".toCharArray(), 6));
        assertEquals("cramp", term(analysed, cramps));
        analysed.trim();
        assertEquals(cramps, analysed.lookup("cramps".toCharArray(), 6));
        for (int i = 0; analysed.size() < AnalysedWords.LIMIT; i++) {
            char[] word = ("w" + i).toCharArray();
            analysed.lookup(word, word.length);
        }
        assertEquals("w99", analysed.plain(analysed.lookup("w99".toCharArray(), 3), new BytesRef()).utf8ToString());
        analysed.trim();
        assertEquals(0, analysed.size());
        int the = analysed.lookup("the".toCharArray(), 3);
        assertEquals(0, the);
        assertEquals(true, analysed.isStopWord(the));
        int again = analysed.lookup("cramps".toCharArray(), 6);
        assertEquals(1, again);
        assertEquals("cramp", term(analysed, again));
        assertEquals("cramps", analysed.plain(again, new BytesRef()).utf8ToString());
    }

    private static String term(AnalysedWords analysed, int word) {
        return new String(analysed.termChars(), analysed.termStart(word), analysed.termLength(word));
    }

    /** The given texts and every heading, question and text of the bundled articles. */
    private static List<String> texts() throws Exception {
        List<String> texts = new ArrayList<>(TEXTS);
        for (Article article : new CorpusLoader().load(Path.of("corpus")).articles()) {
            texts.add(article.title());
            for (Unit unit : article.units()) {
                for (String part : new String[] {unit.heading(), unit.question(), unit.text()}) {
                    if (part != null) {
                        texts.add(part);
                    }
                }
            }
        }
        return texts;
    }

    /** Every token as "term posInc posLen start-end", then the end state, of {@code text} as a TEXT field. */
    private static List<String> tokens(Analyzer analyzer, String text, UnitWords words, boolean recording)
            throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            if (words != null) {
                ts.addAttribute(UnitWordsAttribute.class).set(words, recording);
            }
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            TermToBytesRefAttribute bytes = ts.addAttribute(TermToBytesRefAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " " + bytes.getBytesRef().utf8ToString() + " " + increment.getPositionIncrement() + " "
                        + length.getPositionLength() + " " + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
            out.add("end " + increment.getPositionIncrement() + " " + offset.startOffset() + "-" + offset.endOffset());
        }
        return out;
    }

    private static List<String> replayed(UnitWords words) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = words.replay()) {
            TermToBytesRefAttribute term = ts.addAttribute(TermToBytesRefAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(BytesRef.deepCopyOf(term.getBytesRef()).utf8ToString());
            }
            ts.end();
        }
        return out;
    }
}
