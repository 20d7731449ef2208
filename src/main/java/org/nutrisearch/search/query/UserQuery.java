package org.nutrisearch.search.query;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person typed, read as words, "quoted phrases" and {@code -excluded} words or phrases.
 *
 * <p>Read by Lucene's {@link SimpleQueryParser} with only its phrase, not and whitespace operators on:
 * every other character ({@code * ~ + | ( ) \}, and Lucene's own syntax) is just text, left to the
 * analyzer. An unbalanced quote or a lone {@code -} is dropped. The number of parts is capped so that
 * no query can grow past Lucene's clause limit.
 *
 * @param words            positive words, distinct, in order
 * @param phrases          quoted phrases (required)
 * @param excluded         words after a {@code -} (must not occur)
 * @param excludedPhrases  quoted phrases after a {@code -} (must not occur)
 */
public record UserQuery(List<String> words, List<String> phrases, List<String> excluded, List<String> excludedPhrases) {

    /** Upper bound on words + phrases + exclusions taken from one query. */
    public static final int MAX_PARTS = 32;

    public UserQuery {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
        excludedPhrases = List.copyOf(excludedPhrases);
    }

    /** A query without excluded phrases. */
    public UserQuery(List<String> words, List<String> phrases, List<String> excluded) {
        this(words, phrases, excluded, List.of());
    }

    /** Parses typed text; never throws. */
    public static UserQuery parse(String text) {
        Parts parts = new Parts();
        if (text != null && !text.isBlank()) {
            parts.collect(new Syntax().parse(text), false);
        }
        return new UserQuery(new ArrayList<>(parts.words), new ArrayList<>(parts.phrases),
                new ArrayList<>(parts.excluded), new ArrayList<>(parts.excludedPhrases));
    }

    /** The positive text (words and phrases) as one string, for snippets and analysis. */
    public String positiveText() {
        List<String> parts = new ArrayList<>(words);
        parts.addAll(phrases);
        return String.join(" ", parts);
    }

    /** True when nothing was typed but exclusions. */
    public boolean onlyExclusions() {
        return words.isEmpty() && phrases.isEmpty() && !(excluded.isEmpty() && excludedPhrases.isEmpty());
    }

    /**
     * The parser, building marker queries (a word or a phrase as typed) that {@link Parts} reads back:
     * only the user syntax is taken from it, the search query is built from the analysed parts.
     */
    private static final class Syntax extends SimpleQueryParser {
        Syntax() {
            super(ANALYZER, Map.of("text", 1f),
                    SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR);
            setDefaultOperator(BooleanClause.Occur.SHOULD);
        }

        @Override
        protected Query newDefaultQuery(String text) {
            return new Part(text, false);
        }

        @Override
        protected Query newPhraseQuery(String text, int slop) {
            return new Part(text, true);
        }
    }

    /** Never asked to analyse anything: every part is built by the two methods above. */
    private static final KeywordAnalyzer ANALYZER = new KeywordAnalyzer();

    /** A word or a phrase as typed, as the parser's tree holds it (it is never searched). */
    private static final class Part extends Query {
        final String text;
        final boolean phrase;

        Part(String text, boolean phrase) {
            this.text = text;
            this.phrase = phrase;
        }

        @Override
        public String toString(String field) {
            return phrase ? '"' + text + '"' : text;
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return sameClassAs(other) && ((Part) other).phrase == phrase && ((Part) other).text.equals(text);
        }

        @Override
        public int hashCode() {
            return classHash() * 31 + text.hashCode() + (phrase ? 1 : 0);
        }
    }

    /** The parts read back from the parsed query, distinct, in order, at most {@link #MAX_PARTS} in all. */
    private static final class Parts {
        final Set<String> words = new LinkedHashSet<>();
        final Set<String> phrases = new LinkedHashSet<>();
        final Set<String> excluded = new LinkedHashSet<>();
        final Set<String> excludedPhrases = new LinkedHashSet<>();

        void collect(Query query, boolean negated) {
            if (query instanceof BooleanQuery bool) {
                for (BooleanClause clause : bool.clauses()) {
                    collect(clause.query(), negated ^ clause.occur() == BooleanClause.Occur.MUST_NOT);
                }
            } else if (query instanceof Part part) {
                String text = part.text.strip();
                if (text.isEmpty() || size() >= MAX_PARTS) {
                    return;
                }
                (part.phrase ? negated ? excludedPhrases : phrases : negated ? excluded : words).add(text);
            }
            // Anything else is the match-all clause the parser pairs an exclusion with.
        }

        int size() {
            return words.size() + phrases.size() + excluded.size() + excludedPhrases.size();
        }
    }
}
