package org.nutrisearch.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.fst.BytesRefFSTEnum;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the synonym alternatives of a query from the token graph of the synonym analyzer: for each
 * stretch of the query a synonym line matched, the other ways of saying it ("low potassium" →
 * "hypokalemia", "potassium defici"), as analysed term sequences. Thread-safe.
 */
final class SynonymExpander {

    /** Alternatives kept per query: bounds the clauses one query can add. */
    static final int MAX_ALTERNATIVES = 24;

    private final Analyzer synonymAnalyzer;
    /**
     * The words of each synonym line's input (as the index's analysis gives them, stop words left out), by
     * its first such word; null when not known, and then every text is read through the synonym analyzer.
     */
    private final Map<String, List<Set<String>>> inputsByFirstWord;

    SynonymExpander(Analyzer synonymAnalyzer) {
        this(synonymAnalyzer, null);
    }

    private SynonymExpander(Analyzer synonymAnalyzer, Map<String, List<Set<String>>> inputsByFirstWord) {
        this.synonymAnalyzer = synonymAnalyzer;
        this.inputsByFirstWord = inputsByFirstWord;
    }

    /**
     * An expander over {@code synonyms} ({@link TextAnalyzers#englishWithSynonyms}) that knows the words
     * each line needs, so that text holding none of the lines' words is not analysed again
     * ({@link #expand(String, Collection)}).
     */
    static SynonymExpander of(SynonymMap synonyms) {
        return new SynonymExpander(TextAnalyzers.englishWithSynonyms(synonyms), inputsByFirstWord(synonyms));
    }

    /** The words each input of {@code synonyms} needs, by the first; null when an input is all stop words. */
    private static Map<String, List<Set<String>>> inputsByFirstWord(SynonymMap synonyms) {
        Map<String, List<Set<String>>> byFirst = new HashMap<>();
        if (synonyms.fst == null) {
            return byFirst;
        }
        try {
            BytesRefFSTEnum<BytesRef> inputs = new BytesRefFSTEnum<>(synonyms.fst);
            for (BytesRefFSTEnum.InputOutput<BytesRef> in = inputs.next(); in != null; in = inputs.next()) {
                Set<String> words = new LinkedHashSet<>();
                // Words joined by the separator, analysed as query text up to the synonym filter: stop words
                // as written, every other word stemmed, as the index's analysis stems it.
                for (String word : in.input.utf8ToString().split(String.valueOf(SynonymMap.WORD_SEPARATOR))) {
                    if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
                        words.add(word);
                    }
                }
                if (words.isEmpty()) {
                    return null;
                }
                byFirst.computeIfAbsent(words.iterator().next(), w -> new ArrayList<>()).add(Set.copyOf(words));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byFirst;
    }

    /**
     * As {@link #expand(String)}, given {@code terms}: every term the index's analysis makes of
     * {@code text} (null when not known). A synonym line matches only text that holds each of its words
     * other than stop words, so when no line's words are all among {@code terms} nothing is read: the
     * same (empty) expansions without analysing the text again.
     */
    List<Expansion> expand(String text, Collection<String> terms) {
        if (inputsByFirstWord != null && terms != null && !anyInputWithin(terms)) {
            return new ArrayList<>();
        }
        return expand(text);
    }

    private boolean anyInputWithin(Collection<String> terms) {
        Set<String> all = new HashSet<>(terms);
        for (String term : all) {
            for (Set<String> input : inputsByFirstWord.getOrDefault(term, List.of())) {
                if (all.containsAll(input)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Analysed terms with their positions relative to the first (a stop word leaves a gap: "pins
     * and needles" is "pin" at 0 and "needl" at 2).
     */
    record TermSequence(List<String> terms, List<Integer> positions) {
        TermSequence {
            terms = List.copyOf(terms);
            positions = List.copyOf(positions);
        }

        boolean isPhrase() {
            return terms.size() > 1;
        }
    }

    /** One stretch of the query with the synonyms it has besides what was typed. */
    record Expansion(TermSequence typed, List<TermSequence> alternatives) {
        Expansion {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** The expansions of {@code text}, in query order; empty when no synonym line matched. */
    List<Expansion> expand(String text) {
        List<Expansion> out = new ArrayList<>();
        int budget = MAX_ALTERNATIVES;
        try (TokenStream source = synonymAnalyzer.tokenStream(UnitFields.TEXT, text);
             CachingTokenFilter ts = new CachingTokenFilter(source)) {
            // Text without a synonym ("*", "the", most queries) has no alternatives to read: reading the
            // graph costs more than the rest of the analysis.
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            boolean any = false;
            while (!any && ts.incrementToken()) {
                any = SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
            }
            if (!any) {
                return out;
            }
            // The graph resets the cached stream and reads it from the start.
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(ts);
            int[] points = graph.articulationPoints();
            int start = 0;
            for (int i = 0; i <= points.length && budget > 0; i++) {
                int end = i < points.length ? points[i] : -1;
                // Every stretch between articulation points, not only those with a side path: a one-word
                // synonym ("tiredness" for "fatigue", "calves" for "calf") is stacked on the typed word, not
                // a side path, and would otherwise be lost.
                Expansion e = expansion(graph.getFiniteStrings(start, end), budget);
                if (e != null) {
                    out.add(e);
                    budget -= e.alternatives().size();
                }
                start = end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Expansion expansion(Iterator<TokenStream> paths, int budget) throws IOException {
        TermSequence typed = null;
        Set<TermSequence> alternatives = new LinkedHashSet<>();
        while (paths.hasNext()) {
            TokenStream path = paths.next();
            CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = path.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = path.addAttribute(TypeAttribute.class);
            List<String> terms = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            boolean original = true;
            int pos = -1;
            path.reset();
            while (path.incrementToken()) {
                pos += terms.isEmpty() ? 1 : inc.getPositionIncrement();
                terms.add(term.toString());
                positions.add(pos);
                original &= !SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
            }
            path.end();
            path.close();
            if (terms.isEmpty()) {
                continue;
            }
            TermSequence seq = new TermSequence(terms, positions);
            if (original) {
                typed = seq;
            } else {
                alternatives.add(seq);
            }
        }
        if (typed != null) {
            alternatives.remove(typed);
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        List<TermSequence> kept = new ArrayList<>(alternatives);
        return new Expansion(typed, kept.subList(0, Math.min(budget, kept.size())));
    }
}
