package org.nutrisearch.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.Query;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToIntFunction;
import org.nutrisearch.search.SearchRequest;

/**
 * The "did you mean" of a search: the query with its unknown or rare words replaced by the closest
 * more common words of the index, offered only when the query as typed has few or no good matches
 * (units holding all its words) and the corrected one has clearly more. Backend-neutral: the words
 * come from the served generation's {@link Vocabulary}, the counts from the backend that runs the
 * queries. Thread-safe.
 */
public final class QueryCorrector {

    /** At most this many good matches count as "few". */
    static final int FEW = 2;
    /** The correction must find at least this many times as many good matches (and at least one). */
    static final int CLEARLY_MORE = 3;

    private final Analyzer plain = TextAnalyzers.plain();
    private final UnitQueryBuilder queries;

    public QueryCorrector(UnitQueryBuilder queries) {
        this.queries = queries;
    }

    /**
     * The corrected query text, or null when none is clearly better.
     *
     * @param vocabulary the served generation's words
     * @param matches    counts the units a query matches, in the same generation
     */
    public String correct(SearchRequest request, Vocabulary vocabulary, ToIntFunction<Query> matches) {
        String text = request.query();
        String corrected = replaceRareWords(vocabulary, text);
        if (corrected == null) {
            return null;
        }
        int before = matches.applyAsInt(queries.allWords(request));
        if (before > FEW) {
            return null;
        }
        SearchRequest alternative = new SearchRequest(corrected, request.limit(), request.offset(), request.kinds(),
                request.nutrients(), request.articleId(), request.ranking());
        int after = matches.applyAsInt(queries.allWords(alternative));
        return after >= Math.max(1, CLEARLY_MORE * before) && after > before ? corrected : null;
    }

    /** {@code text} with each correctable word replaced by its best candidate, or null when none is. */
    private String replaceRareWords(Vocabulary vocabulary, String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int copied = 0;
        boolean changed = false;
        try (TokenStream ts = plain.tokenStream(UnitFields.SPELL, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (excluded(text, offset.startOffset())) {
                    continue;
                }
                // The same (cached) lookup query building made; its first candidate is the best.
                List<SpellingCandidates.Candidate> best = queries.spellingCandidates(vocabulary, term.toString());
                if (best.isEmpty()) {
                    continue;
                }
                out.append(text, copied, offset.startOffset()).append(best.getFirst().word());
                copied = offset.endOffset();
                changed = true;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed ? out.append(text, copied, text.length()).toString() : null;
    }

    /** Whether the word at {@code start} is a {@code -word} exclusion (left as typed). */
    private static boolean excluded(String text, int start) {
        return start > 0 && text.charAt(start - 1) == '-'
                && (start == 1 || Character.isWhitespace(text.charAt(start - 2)));
    }
}
