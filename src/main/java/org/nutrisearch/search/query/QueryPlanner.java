package org.nutrisearch.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.nutrients.NutrientMention;
import org.nutrisearch.nutrients.NutrientTagger;
import org.nutrisearch.search.MatchKind;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans a search request ({@link QueryPlan}): parses what was typed ({@link UserQuery}), analyses each
 * part once, and looks up what the ranking adds to the words as typed: their consumer ↔ clinical
 * synonyms, corrections of words the index does not know (from the served generation's
 * {@link Vocabulary}), and the nutrients they name. Thread-safe.
 */
public final class QueryPlanner {

    /**
     * Analysed terms taken from the words and exclusions of one query. A single typed word such as
     * "b,c,d,…" holds hundreds of terms, each a clause in every field; the cap keeps the query far
     * below Lucene's clause limit (and its cost bounded) whatever is typed. Phrases are one clause each.
     */
    public static final int MAX_TERMS = 64;
    /** Words of one query that get typo corrections: bounds the clauses of a query of nonsense. */
    static final int MAX_FUZZY_WORDS = 6;
    /** Corrections kept per word. */
    static final int MAX_FUZZY_EXPANSIONS = 8;
    /**
     * Words of one query looked up for corrections (the first ones, distinct): bounds the work of a query
     * of many unknown words, each of which costs a vocabulary lookup.
     */
    static final int MAX_SPELLING_LOOKUPS = 16;


    private final Analyzer analyzer;
    private final Analyzer plain = TextAnalyzers.plain();
    private final SynonymExpander synonyms;
    private final NutrientTagger tagger;
    private final RankingOptions options;

    /**
     * @param analyzer  the index's analyzer ({@link TextAnalyzers#english()})
     * @param synonyms  the same with synonyms ({@link TextAnalyzers#englishWithSynonyms}), or null for none
     * @param tagger    recognises nutrients named in the query, or null for none
     */
    QueryPlanner(Analyzer analyzer, Analyzer synonyms, NutrientTagger tagger, RankingOptions options) {
        this(analyzer, synonyms == null ? null : new SynonymExpander(synonyms), tagger, options);
    }

    /** A planner with the synonyms of {@code synonyms} ({@link SynonymExpander#of}). */
    static QueryPlanner of(Analyzer analyzer, SynonymMap synonyms, NutrientTagger tagger, RankingOptions options) {
        return new QueryPlanner(analyzer, SynonymExpander.of(synonyms), tagger, options);
    }

    private QueryPlanner(Analyzer analyzer, SynonymExpander synonyms, NutrientTagger tagger, RankingOptions options) {
        this.analyzer = analyzer;
        this.synonyms = synonyms;
        this.tagger = tagger;
        this.options = options;
    }

    /** A planner like this one (same analysis, synonyms and tagger) for the ranking {@code other}. */
    QueryPlanner withOptions(RankingOptions other) {
        return new QueryPlanner(analyzer, synonyms, tagger, other);
    }

    RankingOptions options() {
        return options;
    }

    /**
     * The plan of {@code request}; corrections come from {@code vocabulary} (the served generation's
     * words), none when it is null or the ranking has no typo tolerance.
     */
    public QueryPlan plan(SearchRequest request, Vocabulary vocabulary) {
        UserQuery user = UserQuery.parse(request.query());
        QueryTokens allWords = QueryTokens.of(analyzer, String.join(" ", user.words()));
        QueryTokens words = allWords.first(MAX_TERMS);
        List<QueryTokens.Token> matching = List.of();
        List<QueryTokens.Token> scoringOnly = List.of();
        List<SynonymExpander.Expansion> expansions = List.of();
        List<QueryPlan.Correction> corrections = new ArrayList<>();
        List<QueryPlan.NutrientName> names = new ArrayList<>();
        Map<String, List<SpellingCandidates.Candidate>> looked = new HashMap<>();
        Spelling spelling = options.fuzzy() && vocabulary != null
                ? new Spelling(vocabulary, looked, user.positiveText()) : null;
        String correctedWords = null;
        boolean naming = options.nutrientWeight() > 0 && tagger != null;
        if (!words.text().isBlank()) {
            if (spelling != null) {
                correctedWords = corrections(words.text(), spelling, corrections);
            }
            List<List<QueryTokens.Token>> split = splitGeneric(words);
            matching = split.get(0);
            scoringOnly = split.get(1);
            if (naming) {
                names.addAll(nutrientNames(words.text(), 1f, false));
                if (correctedWords != null) {
                    names.addAll(nutrientNames(correctedWords, options.fuzzyWeight(), true));
                }
            }
            if (options.synonyms() && synonyms != null) {
                // The words' terms are all of their text's terms unless the words were cut at MAX_TERMS.
                expansions = synonyms.expand(words.text(), allWords.size() <= MAX_TERMS ? words.terms() : null);
            }
        }
        List<QueryTokens> phrases = user.phrases().stream().map(p -> QueryTokens.of(analyzer, p)).toList();
        List<QueryTokens> exclusions = user.excluded().stream().map(e -> QueryTokens.of(analyzer, e).first(MAX_TERMS)).toList();
        List<QueryTokens> excludedPhrases = user.excludedPhrases().stream().map(p -> QueryTokens.of(analyzer, p)).toList();
        Map<String, Float> nutrients = new LinkedHashMap<>();
        if (naming) {
            // Nutrients named as typed, and as corrected ("vitamin b21" names vitamin B12); a corrected
            // name weighs as little as a corrected word, so exact matches stay ahead.
            if (correctedWords != null) {
                for (String id : tagger.nutrientIds(correctedWords)) {
                    nutrients.put(id, options.nutrientWeight() * options.fuzzyWeight());
                }
            }
            for (String id : tagger.nutrientIds(user.positiveText())) {
                nutrients.put(id, options.nutrientWeight());
            }
        }
        QueryPlan plan = new QueryPlan(request, options, user, words, matching, scoringOnly, phrases, exclusions,
                excludedPhrases, expansions, corrections, names, nutrients, QueryTerms.NONE,
                spelling == null ? null : correctedQuery(request.query(), spelling), null);
        boolean marked = plan.searchable() || user.onlyExclusions();
        return marked ? withMarks(plan, marks(allWords, phrases, user, corrections, expansions)) : plan;
    }

    /**
     * The plan of {@code request} as typed: its words, phrases and exclusions parsed and analysed, nothing
     * looked up or added (for counting the good matches of a corrected query).
     */
    QueryPlan bare(SearchRequest request) {
        UserQuery user = UserQuery.parse(request.query());
        return new QueryPlan(request, options, user, QueryTokens.of(analyzer, String.join(" ", user.words())).first(MAX_TERMS),
                List.of(), List.of(), user.phrases().stream().map(p -> QueryTokens.of(analyzer, p)).toList(),
                user.excluded().stream().map(e -> QueryTokens.of(analyzer, e).first(MAX_TERMS)).toList(),
                user.excludedPhrases().stream().map(p -> QueryTokens.of(analyzer, p)).toList(), List.of(), List.of(),
                List.of(), Map.of(), QueryTerms.NONE, null, null);
    }

    private static QueryPlan withMarks(QueryPlan p, QueryTerms marks) {
        return new QueryPlan(p.request(), p.ranking(), p.user(), p.words(), p.matching(), p.scoringOnly(), p.phrases(),
                p.exclusions(), p.excludedPhrases(), p.synonyms(), p.corrections(), p.nutrientNames(), p.nutrients(),
                marks, p.correctedQuery(), p.vector());
    }

    /**
     * Spelling candidates of one request's words, each word looked up once (query building and "did you
     * mean" share them); common English words are taken as typed when the query has a word the index knows,
     * which is worked out once, the first time a rare English word asks.
     */
    private final class Spelling {
        private final Vocabulary vocabulary;
        private final Map<String, List<SpellingCandidates.Candidate>> looked;
        private final String text;
        private Boolean knowsAWord;

        Spelling(Vocabulary vocabulary, Map<String, List<SpellingCandidates.Candidate>> looked, String text) {
            this.vocabulary = vocabulary;
            this.looked = looked;
            this.text = text;
        }

        List<SpellingCandidates.Candidate> candidates(String word) {
            return looked.computeIfAbsent(word,
                    w -> SpellingCandidates.of(vocabulary, w, MAX_FUZZY_EXPANSIONS, this::knowsAWord));
        }

        /** Whether some word of the query other than a stop word is in a unit of the vocabulary. */
        private boolean knowsAWord() {
            if (knowsAWord == null) {
                knowsAWord = TextAnalyzers.terms(plain, text).stream().anyMatch(
                        w -> !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w) && vocabulary.unitCount(w) > 0);
            }
            return knowsAWord;
        }
    }

    /**
     * For the words the index does not know, the analysed forms of their near words ({@code out}); returns
     * the words with each corrected one replaced by its best correction, or null when none was.
     */
    private String corrections(String words, Spelling spelling, List<QueryPlan.Correction> out) {
        List<String> corrected = new ArrayList<>();
        int lookups = 0;
        for (String word : new LinkedHashSet<>(TextAnalyzers.terms(plain, words))) {
            boolean lookUp = out.size() < MAX_FUZZY_WORDS && lookups < MAX_SPELLING_LOOKUPS
                    && SpellingCandidates.correctable(word);
            lookups += lookUp ? 1 : 0;
            List<SpellingCandidates.Candidate> candidates = lookUp ? spelling.candidates(word) : List.of();
            Map<String, Float> stems = stemsOf(word, candidates);
            if (stems.isEmpty()) {
                corrected.add(word);
                continue;
            }
            corrected.add(candidates.getFirst().word());
            out.add(new QueryPlan.Correction(word, stems));
        }
        return out.isEmpty() ? null : String.join(" ", corrected);
    }

    /** Analysed forms of the candidates for {@code word} → similarity, leaving out the word's own forms. */
    private Map<String, Float> stemsOf(String word, List<SpellingCandidates.Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        Set<String> own = new HashSet<>(TextAnalyzers.terms(analyzer, word));
        Map<String, Float> stems = new LinkedHashMap<>();
        for (SpellingCandidates.Candidate c : candidates) {
            for (String stem : TextAnalyzers.terms(analyzer, c.word())) {
                if (!own.contains(stem)) {
                    stems.merge(stem, Math.min(1f, Math.max(0.01f, c.similarity())), Math::max);
                }
            }
        }
        return stems;
    }

    /**
     * "Did you mean": {@code text} with each correctable word (exclusions left as typed) replaced by its
     * best correction, or null when none is; the same lookups, as many words, as query building makes.
     */
    private String correctedQuery(String text, Spelling spelling) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int copied = 0;
        boolean changed = false;
        Set<String> looked = new HashSet<>();
        for (QueryTokens.Token t : QueryTokens.of(plain, text).tokens()) {
            String word = t.term();
            if (excluded(text, t.start()) || !SpellingCandidates.correctable(word)
                    || (!looked.contains(word) && looked.size() >= MAX_SPELLING_LOOKUPS)) {
                continue;
            }
            looked.add(word);
            List<SpellingCandidates.Candidate> best = spelling.candidates(word);
            if (best.isEmpty()) {
                continue;
            }
            out.append(text, copied, t.start()).append(best.getFirst().word());
            copied = t.end();
            changed = true;
        }
        return changed ? out.append(text, copied, text.length()).toString() : null;
    }

    /** Whether the word at {@code start} is a {@code -word} exclusion (left as typed). */
    private static boolean excluded(String text, int start) {
        return start > 0 && text.charAt(start - 1) == '-'
                && (start == 1 || Character.isWhitespace(text.charAt(start - 2)));
    }

    /**
     * The words' tokens split into those a unit may match on and those that only add to its score: the
     * generic words of questions ({@link QuestionWords#GENERIC}), as long as some other word is left.
     * Question words ("what", "how", "causes") occur in most FAQ units: matching on them made a question
     * match three units in four of a large corpus, each of which had to be counted and scored.
     */
    private static List<List<QueryTokens.Token>> splitGeneric(QueryTokens words) {
        String text = words.text();
        List<QueryTokens.Token> matching = new ArrayList<>();
        List<QueryTokens.Token> generic = new ArrayList<>();
        boolean matchingHasText = false;
        int i = 0;
        while (i < text.length()) {
            if (space(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && !space(text.charAt(end))) {
                end++;
            }
            String word = text.substring(i, end);
            String bare = withoutEdgePunctuation(word.toLowerCase(Locale.ROOT));
            boolean isGeneric = QuestionWords.GENERIC.contains(bare);
            matchingHasText |= !isGeneric && word.chars().anyMatch(Character::isLetterOrDigit);
            (isGeneric ? generic : matching).addAll(words.within(i, end));
            i = end;
        }
        if (!matchingHasText || matching.isEmpty()) {
            return List.of(words.tokens(), List.of());
        }
        return List.of(matching, generic);
    }

    /**
     * {@code word} without the characters other than letters and digits at either end: what the regular
     * expression {@code ^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$} leaves, without running one for every word.
     */
    static String withoutEdgePunctuation(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !letterOrNumber(word.codePointAt(start))) {
            start += Character.charCount(word.codePointAt(start));
        }
        while (end > start && !letterOrNumber(word.codePointBefore(end))) {
            end -= Character.charCount(word.codePointBefore(end));
        }
        return start == 0 && end == word.length() ? word : word.substring(start, end);
    }

    /**
     * The runs of letters, digits and apostrophes in {@code text}: its words as the tokenizer splits them (an
     * apostrophe stays inside a word), as splitting at {@code [^\p{L}\p{N}']+} gives them.
     */
    static List<String> typedWords(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean inWord = cp == '\'' || letterOrNumber(cp);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    /** A letter or a number as regular expressions' {@code \p{L}} and {@code \p{N}} know them. */
    private static boolean letterOrNumber(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** White space as a regular expression's {@code \s} knows it. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Nutrient names of several words in {@code text}, analysed, at {@code weight}. */
    private List<QueryPlan.NutrientName> nutrientNames(String text, float weight, boolean corrected) {
        List<QueryPlan.NutrientName> names = new ArrayList<>();
        for (NutrientMention m : tagger.tag(text)) {
            QueryTokens name = QueryTokens.of(analyzer, text.substring(m.start(), m.end()));
            if (name.size() > 1) {
                names.add(new QueryPlan.NutrientName(name, weight, corrected));
            }
        }
        return names;
    }

    /** What snippets mark: the typed words' terms, then corrections and synonyms (a term keeps its first kind). */
    private static QueryTerms marks(QueryTokens allWords, List<QueryTokens> phrases, UserQuery user,
                                    List<QueryPlan.Correction> corrections, List<SynonymExpander.Expansion> expansions) {
        Map<String, MatchKind> terms = new HashMap<>();
        for (QueryTokens.Token t : allWords.tokens()) {
            terms.put(t.term(), MatchKind.STEM);
        }
        for (QueryTokens p : phrases) {
            for (QueryTokens.Token t : p.tokens()) {
                terms.put(t.term(), MatchKind.STEM);
            }
        }
        Set<String> typed = new HashSet<>();
        // Typed words as the tokenizer splits them, for telling exact from stemmed matches.
        typed.addAll(typedWords(user.positiveText().toLowerCase(Locale.ROOT)));
        for (QueryPlan.Correction c : corrections) {
            c.stems().keySet().forEach(stem -> terms.putIfAbsent(stem, MatchKind.FUZZY));
        }
        Set<List<String>> synonymPhrases = new LinkedHashSet<>();
        for (SynonymExpander.Expansion e : expansions) {
            for (SynonymExpander.TermSequence alt : e.alternatives()) {
                if (alt.isPhrase()) {
                    synonymPhrases.add(alt.terms());
                } else {
                    terms.putIfAbsent(alt.terms().getFirst(), MatchKind.SYNONYM);
                }
            }
        }
        return new QueryTerms(terms, typed, new ArrayList<>(synonymPhrases));
    }
}
