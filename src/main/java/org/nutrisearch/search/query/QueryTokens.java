package org.nutrisearch.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of query text analysed once: its terms with their positions (stop words leave gaps, as
 * Lucene's query builder counts them) and offsets. Field queries are built from it for every field,
 * instead of analysing the text again per field.
 *
 * @param text   the analysed text
 * @param tokens its terms in order
 */
public record QueryTokens(String text, List<Token> tokens) {

    /** An analysed term, its position (as Lucene's {@code QueryBuilder} numbers them, from 0 on) and offsets. */
    public record Token(String term, int position, int start, int end) {
    }

    public QueryTokens {
        tokens = List.copyOf(tokens);
    }

    /** {@code text} analysed by {@code analyzer}. */
    public static QueryTokens of(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position, offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QueryTokens(text, tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public int size() {
        return tokens.size();
    }

    /** The terms, in order, repeats kept. */
    public List<String> terms() {
        return tokens.stream().map(Token::term).toList();
    }

    /** The first {@code max} tokens, with the text up to the end of the last one (all of it when there are fewer). */
    public QueryTokens first(int max) {
        if (tokens.size() <= max) {
            return this;
        }
        List<Token> kept = tokens.subList(0, max);
        return new QueryTokens(max == 0 ? "" : text.substring(0, kept.getLast().end()), kept);
    }

    /** The tokens whose offsets lie within [{@code from}, {@code to}) of the text. */
    public List<Token> within(int from, int to) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.start() >= from && t.end() <= to) {
                out.add(t);
            }
        }
        return out;
    }
}
