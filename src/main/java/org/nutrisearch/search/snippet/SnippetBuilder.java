package org.nutrisearch.search.snippet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientMention;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nutrisearch.search.Highlight;
import org.nutrisearch.search.MatchKind;
import org.nutrisearch.search.Snippet;
import org.nutrisearch.search.query.QueryTerms;

/**
 * Picks the best passage of a unit's text (at most ~300 characters) and marks query matches and
 * nutrient mentions in it. The text is HTML-escaped before any tag is added: pages trust snippets.
 * Thread-safe.
 */
public final class SnippetBuilder {

    /** Longest snippet, in characters of plain text (ellipses not counted). */
    public static final int MAX_CHARS = 300;
    /** Text beyond this is not looked at for snippets: bounds the work a huge unit can cause. */
    static final int MAX_SCAN = 20_000;
    private static final String ELLIPSIS = "…";

    private final Analyzer analyzer;
    private final NutrientTagger tagger;

    public SnippetBuilder(Analyzer analyzer, NutrientTagger tagger) {
        this.analyzer = analyzer;
        this.tagger = tagger;
    }

    /** A marked span of the source text: a nutrient mention (with its id) or a query match (with how it matched). */
    record Span(int start, int end, Highlight.Type type, String nutrientId, MatchKind match) {
        static Span nutrient(int start, int end, String nutrientId) {
            return new Span(start, end, Highlight.Type.NUTRIENT, nutrientId, null);
        }

        static Span term(int start, int end, MatchKind match) {
            return new Span(start, end, Highlight.Type.TERM, null, match);
        }

        boolean isTerm() {
            return type == Highlight.Type.TERM;
        }

        Span withRange(int from, int to) {
            return new Span(from, to, type, nutrientId, match);
        }
    }

    /** A range of a text: {@code text.substring(start, end)}. */
    public record TextSpan(int start, int end) {
    }

    /**
     * What snippets of one text need whatever the query: its words analysed (with offsets) and its
     * nutrient mentions, up to {@link #MAX_SCAN} characters. A backend may keep it for a unit that many
     * searches show ({@link #build(Prepared, QueryTerms)}).
     */
    public static final class Prepared {
        private final String text;
        private final String scanned;
        private final List<Token> tokens;
        private final List<Span> nutrientSpans;
        /** Where the passages a snippet may show start ({@link #passageStarts}); empty when the text fits whole. */
        private final int[] passageStarts;

        private Prepared(String text, String scanned, List<Token> tokens, List<Span> nutrientSpans) {
            this.text = text;
            this.scanned = scanned;
            this.tokens = tokens;
            this.nutrientSpans = nutrientSpans;
            this.passageStarts = text.length() <= MAX_CHARS ? new int[0] : passageStarts(scanned);
        }

        /** Roughly the characters of heap it holds (the text, and about 16 for each word, mention and passage). */
        public long weight() {
            return text.length() + 16L * (tokens.size() + nutrientSpans.size()) + 4L * passageStarts.length;
        }
    }

    /** The query-independent part of the snippets of {@code text}. */
    public Prepared prepare(String text) {
        String scanned = text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text;
        return new Prepared(text, scanned, List.copyOf(tokens(scanned)), List.copyOf(nutrientSpans(scanned)));
    }

    /** Chooses the passage of {@code text} with the most query matches and marks matches and nutrients in it. */
    public Snippet build(String text, QueryTerms terms) {
        return build(prepare(text), terms);
    }

    /** As {@link #build(String, QueryTerms)}, from the text's prepared words and mentions. */
    public Snippet build(Prepared prepared, QueryTerms terms) {
        List<Span> termSpans = terms.isEmpty() ? List.of() : termSpans(prepared.scanned, prepared.tokens, null, terms);
        int[] window = window(prepared.text, prepared.scanned, prepared.passageStarts, termSpans, prepared.nutrientSpans);
        return render(prepared.text, window[0], window[1], termSpans, prepared.nutrientSpans);
    }

    /**
     * The snippet of {@code text} when another engine found the query matches (OpenSearch's
     * highlighter over the whole text): {@code matches} are offsets into {@code text}. The words the
     * engine marked are grouped and labelled as {@link #build(String, QueryTerms)} does (exact,
     * stem, a synonym phrase as one span), a marked word the typed query does not hold is a
     * synonym; the passage is chosen, nutrients marked, text escaped and ellipses added exactly as there.
     */
    public Snippet build(String text, List<TextSpan> matches, QueryTerms terms) {
        String scanned = text.length() > MAX_SCAN ? text.substring(0, MAX_SCAN) : text;
        List<Token> tokens = tokens(scanned);
        boolean[] marked = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            for (TextSpan m : matches) {
                marked[i] |= m.start() < t.end() && t.start() < m.end();
            }
        }
        List<Span> termSpans = termSpans(scanned, tokens, marked, terms);
        List<Span> nutrientSpans = nutrientSpans(scanned);
        int[] window = window(text, scanned, text.length() <= MAX_CHARS ? new int[0] : passageStarts(scanned), termSpans,
                nutrientSpans);
        return render(text, window[0], window[1], termSpans, nutrientSpans);
    }

    private List<Span> nutrientSpans(String scanned) {
        List<Span> spans = new ArrayList<>();
        for (NutrientMention m : tagger.tag(scanned)) {
            spans.add(Span.nutrient(m.start(), m.end(), m.nutrientId()));
        }
        return spans;
    }

    /** An analysed word of the text with its offsets. */
    private record Token(String term, int start, int end) {
    }

    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /**
     * The spans to mark among {@code tokens}: with {@code marked} null, the words the query matches (a run
     * of words matching a synonym phrase is one span, "nocturnal leg cramps"); otherwise only the words an
     * engine marked, labelled the same way.
     */
    private static List<Span> termSpans(String text, List<Token> tokens, boolean[] marked, QueryTerms terms) {
        // Longest phrases first, so "restless leg syndrom" wins over "restless leg".
        List<List<String>> phrases = new ArrayList<>(terms.synonymPhrases());
        phrases.sort(Comparator.comparingInt((List<String> p) -> p.size()).reversed());
        // A phrase can only start at a word that is some phrase's first word.
        Set<String> firstWords = new HashSet<>();
        phrases.forEach(p -> firstWords.add(p.getFirst()));
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < tokens.size(); ) {
            int matched = firstWords.contains(tokens.get(i).term()) ? longestPhraseAt(tokens, i, phrases) : 0;
            if (matched > 0 && allMarked(marked, i, matched)) {
                spans.add(Span.term(tokens.get(i).start(), tokens.get(i + matched - 1).end(), MatchKind.SYNONYM));
                i += matched;
                continue;
            }
            Token t = tokens.get(i);
            MatchKind how = terms.matchOf(t.term(), text, t.start(), t.end());
            if (marked != null) {
                how = marked[i] ? (how == null ? MatchKind.SYNONYM : how) : null;
            }
            if (how != null) {
                spans.add(Span.term(t.start(), t.end(), how));
            }
            i++;
        }
        return spans;
    }

    private static boolean allMarked(boolean[] marked, int from, int count) {
        if (marked == null) {
            return true;
        }
        for (int k = from; k < from + count; k++) {
            if (!marked[k]) {
                return false;
            }
        }
        return true;
    }

    /** Length of the longest phrase whose words are the tokens from {@code i} on (stop-word gaps allowed), or 0. */
    private static int longestPhraseAt(List<Token> tokens, int i, List<List<String>> phrasesLongestFirst) {
        for (List<String> phrase : phrasesLongestFirst) {
            if (i + phrase.size() > tokens.size()) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < phrase.size() && all; k++) {
                all = tokens.get(i + k).term().equals(phrase.get(k));
            }
            if (all) {
                return phrase.size();
            }
        }
        return 0;
    }

    /** Where a passage may start in {@code scanned}: its beginning, each line and each sentence. */
    private static int[] passageStarts(String scanned) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 1; i < scanned.length(); i++) {
            char prev = scanned.charAt(i - 1);
            if ((prev == '\n' || (Character.isWhitespace(prev) && i >= 2 && ".!?:".indexOf(scanned.charAt(i - 2)) >= 0))
                    && !Character.isWhitespace(scanned.charAt(i))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /**
     * Chooses [start, end) of the passage: of the windows opening at {@code starts} (sentence-aligned), the
     * one with the most matches.
     */
    private static int[] window(String text, String scanned, int[] starts, List<Span> termSpans, List<Span> nutrientSpans) {
        if (text.length() <= MAX_CHARS) {
            return new int[] {0, text.length()};
        }
        // Each match's words in lower case, made once rather than for every window that holds it.
        String[] matchedWords = new String[termSpans.size()];
        for (int k = 0; k < matchedWords.length; k++) {
            Span t = termSpans.get(k);
            matchedWords[k] = scanned.substring(t.start(), t.end()).toLowerCase(java.util.Locale.ROOT);
        }
        int best = 0;
        double bestScore = -1;
        for (int s : starts) {
            double score = score(matchedWords, s, s + MAX_CHARS, termSpans, nutrientSpans);
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        int end = Math.min(text.length(), best + MAX_CHARS);
        if (end < text.length()) {
            int cut = end;
            while (cut > best + MAX_CHARS / 2 && !Character.isWhitespace(text.charAt(cut))) {
                cut--;
            }
            end = cut > best + MAX_CHARS / 2 ? cut : end;
        }
        return new int[] {best, end};
    }

    private static double score(String[] matchedWords, int from, int to, List<Span> termSpans, List<Span> nutrientSpans) {
        Set<String> distinct = new HashSet<>();
        int count = 0;
        int first = to;
        for (int k = 0; k < matchedWords.length; k++) {
            Span s = termSpans.get(k);
            if (s.start() >= from && s.end() <= to) {
                count++;
                distinct.add(matchedWords[k]);
                first = Math.min(first, s.start());
            }
        }
        int nutrients = 0;
        for (Span s : nutrientSpans) {
            if (s.start() >= from && s.end() <= to) {
                nutrients++;
            }
        }
        // Among windows with the same matches, prefer the one that opens nearest the first match;
        // earlier windows win remaining ties, so an unmatched unit shows its opening.
        double lead = count == 0 ? 0 : 0.25 * (first - from) / MAX_CHARS;
        return count * 2.0 + distinct.size() + nutrients * 0.5 - lead;
    }

    private static Snippet render(String text, int from, int to, List<Span> termSpans, List<Span> nutrientSpans) {
        List<Span> nutrients = inside(nutrientSpans, from, to);
        List<Span> marks = new ArrayList<>(nutrients);
        marks.addAll(splitWhereCrossing(inside(termSpans, from, to), nutrients));
        // Outer marks first: earlier start, then longer; a nutrient wraps a term of the same extent.
        marks.sort(Comparator.comparingInt(Span::start)
                .thenComparing(Comparator.comparingInt(Span::end).reversed())
                .thenComparing(Span::isTerm));
        // Room for the passage, its marks and a few escaped characters, so the builder rarely grows.
        StringBuilder html = new StringBuilder(to - from + 48 * marks.size() + 16);
        List<Highlight> highlights = new ArrayList<>(marks.size());
        int shift = 0;
        if (from > 0) {
            html.append(ELLIPSIS);
            shift = ELLIPSIS.length();
        }
        shift -= from;
        for (Span m : marks) {
            highlights.add(m.isTerm()
                    ? Highlight.term(m.start() + shift, m.end() + shift, m.match())
                    : Highlight.nutrient(m.start() + shift, m.end() + shift, m.nutrientId()));
        }

        Deque<Span> open = new ArrayDeque<>();
        int pos = from;
        int next = 0;
        while (pos < to || !open.isEmpty()) {
            while (!open.isEmpty() && open.peek().end() == pos) {
                html.append("</mark>");
                open.pop();
            }
            while (next < marks.size() && marks.get(next).start() == pos) {
                Span m = marks.get(next++);
                html.append(m.isTerm()
                        ? "<mark class=\"term\">"
                        : "<mark class=\"nutrient\" data-nutrient=\"" + escape(m.nutrientId()) + "\">");
                open.push(m);
            }
            if (pos >= to) {
                break;
            }
            int stop = to;
            if (!open.isEmpty()) {
                stop = Math.min(stop, open.peek().end());
            }
            if (next < marks.size()) {
                stop = Math.min(stop, marks.get(next).start());
            }
            appendEscaped(html, text, pos, stop);
            pos = stop;
        }
        if (to < text.length()) {
            html.append(ELLIPSIS);
        }
        return new Snippet(html.toString(), highlights);
    }

    private static List<Span> inside(List<Span> spans, int from, int to) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (s.start() >= from && s.end() <= to) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Marks must nest: a term span may hold whole nutrient mentions ("potassium deficiency") or sit
     * inside one, but where it crosses a mention's edge it is cut there.
     */
    private static List<Span> splitWhereCrossing(List<Span> terms, List<Span> nutrients) {
        List<Span> out = new ArrayList<>();
        for (Span t : terms) {
            int start = t.start();
            for (Span n : nutrients) {
                boolean nested = (n.start() >= t.start() && n.end() <= t.end())
                        || (t.start() >= n.start() && t.end() <= n.end());
                if (nested) {
                    continue;
                }
                for (int edge : new int[] {n.start(), n.end()}) {
                    if (edge > start && edge < t.end()) {
                        out.add(t.withRange(start, edge));
                        start = edge;
                    }
                }
            }
            out.add(t.withRange(start, t.end()));
        }
        return out;
    }

    private static void appendEscaped(StringBuilder out, String text, int from, int to) {
        // Runs of plain characters go in one append: most of a snippet needs no escaping.
        int run = from;
        for (int i = from; i < to; i++) {
            String entity = entity(text.charAt(i));
            if (entity != null) {
                out.append(text, run, i).append(entity);
                run = i + 1;
            }
        }
        out.append(text, run, to);
    }

    /** HTML-escapes {@code s} for element content and attribute values. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        appendEscaped(out, s, 0, s.length());
        return out.toString();
    }

    /** The entity that stands for {@code c} in HTML, or null when it stands for itself. */
    private static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }
}
