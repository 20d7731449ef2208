package org.nutrisearch.search.suggest;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.Nutrient;
import org.nutrisearch.nutrients.NutrientLexicon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what search-as-you-type offers from one index generation: nutrient names (with their
 * aliases as keys), section headings, FAQ questions, and the 2–3 word phrases that recur across the
 * articles' text ("leg cramps", "vitamin d deficiency").
 */
public final class SuggestionSources {

    /** Units read: bounds the build on a very large index. */
    static final int MAX_UNITS = 200_000;
    /** Characters of a unit's text looked at for phrases. */
    static final int MAX_TEXT = 20_000;
    /** A phrase must occur in at least this many units to be offered. */
    static final int MIN_PHRASE_UNITS = 2;
    /** A two-word phrase found inside one three-word phrase at least this often is only a fragment of it. */
    static final double FRAGMENT_SHARE = 0.8;
    /** Phrases kept, most frequent first. */
    static final int MAX_PHRASES = 5_000;
    /** Headings longer than this are sentences, not headings. */
    static final int MAX_HEADING = 100;
    /** Headings every article has, which say nothing about content. */
    static final Set<String> STRUCTURAL_HEADINGS = Set.of("Quick Summary", "Key Points", "Frequently Asked Questions");

    /**
     * Words that neither start nor end a phrase worth suggesting: function words, and the verbs and
     * adverbs that glue sentences ("can cause", "such as"). A phrase may still hold them inside
     * ("pins and needles").
     */
    private static final CharArraySet EDGE_WORDS = new CharArraySet(List.of(
            "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been",
            "before", "being", "between", "both", "but", "by", "can", "cause", "causes", "could", "did", "do",
            "does", "due", "during", "each", "especially", "even", "for", "from", "had", "has", "have", "help",
            "helps", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just", "lead", "leads", "like",
            "linked", "may", "might", "more", "most", "much", "must", "my", "no", "not", "of", "often", "on",
            "one", "only", "or", "other", "our", "out", "over", "own", "particularly", "same", "should", "so",
            "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
            "those", "through", "to", "too", "under", "up", "very", "was", "we", "were", "what", "when",
            "where", "which", "while", "who", "why", "will", "with", "would", "you", "your"), false);

    private final Analyzer plain = TextAnalyzers.plain();

    /** The entries of the generation {@code searcher} reads. */
    public List<SuggestionIndex.Entry> collect(IndexSearcher searcher, NutrientLexicon lexicon,
                                        Map<String, Integer> unitsByNutrient) throws IOException {
        TopDocs units = searcher.search(new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT)),
                Math.max(1, Math.min(MAX_UNITS, searcher.count(new TermQuery(
                        new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT))))));
        StoredFields stored = searcher.storedFields();
        Set<String> fields = Set.of(UnitFields.HEADING, UnitFields.QUESTION, UnitFields.TEXT);
        // Each unit counted as it is read, none kept: 200 000 units' texts would fill a 512 MB heap.
        Tally tally = new Tally();
        for (ScoreDoc sd : units.scoreDocs) {
            Document doc = stored.document(sd.doc, fields);
            tally.add(doc.get(UnitFields.HEADING), doc.get(UnitFields.QUESTION), doc.get(UnitFields.TEXT));
        }
        return tally.entries(lexicon, unitsByNutrient);
    }

    /** The words of a unit suggestions are drawn from; any may be null. */
    public record UnitText(String heading, String question, String text) {
    }

    /**
     * The entries for {@code units} (at most {@link #MAX_UNITS} are read), with nutrients offered when
     * {@code unitsByNutrient} counts units for them: what another backend indexes to suggest the same.
     */
    public List<SuggestionIndex.Entry> collect(List<UnitText> units, NutrientLexicon lexicon,
                                               Map<String, Integer> unitsByNutrient) {
        Tally tally = new Tally();
        for (UnitText unit : units.subList(0, Math.min(MAX_UNITS, units.size()))) {
            tally.add(unit.heading(), unit.question(), unit.text());
        }
        return tally.entries(lexicon, unitsByNutrient);
    }

    /** The headings, questions and phrases counted so far, unit by unit. */
    private final class Tally {
        private final Map<String, Integer> headings = new LinkedHashMap<>();
        private final Map<String, Integer> questions = new LinkedHashMap<>();
        private final Map<String, Integer> phrases = new HashMap<>();

        void add(String heading, String question, String text) {
            if (heading != null) {
                for (String part : heading.split(" › ")) {
                    String h = part.strip();
                    if (!h.isEmpty() && h.length() <= MAX_HEADING && !STRUCTURAL_HEADINGS.contains(h)) {
                        headings.merge(h, 1, Integer::sum);
                    }
                }
            }
            if (question != null && !question.isBlank()) {
                questions.merge(question.strip(), 1, Integer::sum);
            }
            if (text != null) {
                for (String phrase : phrasesOf(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text)) {
                    phrases.merge(phrase, 1, Integer::sum);
                }
            }
        }

        List<SuggestionIndex.Entry> entries(NutrientLexicon lexicon, Map<String, Integer> unitsByNutrient) {
            List<SuggestionIndex.Entry> entries = new ArrayList<>();
            for (Nutrient n : lexicon.nutrients()) {
                int count = unitsByNutrient.getOrDefault(n.id(), 0);
                if (count > 0) {
                    List<String> keys = new ArrayList<>();
                    keys.add(n.label());
                    keys.addAll(n.aliases());
                    entries.add(new SuggestionIndex.Entry(n.label(), "nutrient", count, keys));
                }
            }
            headings.forEach((h, n) -> entries.add(new SuggestionIndex.Entry(h, "heading", n, List.of(h))));
            questions.forEach((q, n) -> entries.add(new SuggestionIndex.Entry(q, "question", n, List.of(q))));
            phrases.entrySet().removeIf(e -> e.getValue() < MIN_PHRASE_UNITS);
            dropFragments(phrases);
            phrases.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_PHRASES)
                    .forEach(e -> entries.add(new SuggestionIndex.Entry(e.getKey(), "phrase", e.getValue(), List.of(e.getKey()))));
            return entries;
        }
    }

    /**
     * Drops two-word phrases that nearly always occur inside one three-word phrase ("legs syndrome"
     * inside "restless legs syndrome"): the longer one is what people mean.
     */
    static void dropFragments(Map<String, Integer> phrases) {
        Set<String> fragments = new HashSet<>();
        phrases.forEach((phrase, units) -> {
            int first = phrase.indexOf(' ');
            int last = phrase.lastIndexOf(' ');
            if (first != last) {
                for (String part : new String[] {phrase.substring(0, last), phrase.substring(first + 1)}) {
                    Integer partUnits = phrases.get(part);
                    if (partUnits != null && units >= FRAGMENT_SHARE * partUnits) {
                        fragments.add(part);
                    }
                }
            }
        });
        phrases.keySet().removeAll(fragments);
    }

    /**
     * The distinct 2–3 word phrases of {@code text}: lower-case words that stand next to each other
     * with only spaces between (no punctuation), neither first nor last an {@link #EDGE_WORDS edge word}
     * or a number.
     */
    Set<String> phrasesOf(String text) {
        List<String> words = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        try (TokenStream ts = plain.tokenStream(UnitFields.SPELL, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                words.add(term.toString());
                spans.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            if (!goodEdge(words.get(i))) {
                continue;
            }
            StringBuilder phrase = new StringBuilder(words.get(i));
            for (int len = 2; len <= 3 && i + len - 1 < words.size(); len++) {
                int j = i + len - 1;
                if (!onlySpaces(text, spans.get(j - 1)[1], spans.get(j)[0])) {
                    break;
                }
                phrase.append(' ').append(words.get(j));
                if (goodEdge(words.get(j))) {
                    out.add(phrase.toString());
                }
            }
        }
        return out;
    }

    private static boolean goodEdge(String word) {
        return !EDGE_WORDS.contains(word) && word.chars().anyMatch(Character::isLetter);
    }

    private static boolean onlySpaces(String text, int from, int to) {
        if (to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }
}
