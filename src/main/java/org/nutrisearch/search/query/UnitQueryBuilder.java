package org.nutrisearch.search.query;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.nutrisearch.corpus.UnitKind;
import org.nutrisearch.index.TextAnalyzers;
import org.nutrisearch.index.UnitFields;
import org.nutrisearch.nutrients.NutrientMention;
import org.nutrisearch.nutrients.NutrientTagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nutrisearch.search.MatchKind;
import org.nutrisearch.search.RankingOptions;
import org.nutrisearch.search.SearchRequest;

/**
 * Builds the Lucene query for a {@link SearchRequest}: words score across the text fields (title,
 * heading and question weigh more than body text), quoted phrases are required, excluded words and
 * filters restrict. On top of the words as typed, and always weighing less than them: their
 * consumer ↔ clinical synonyms, the nutrients they name, and corrections of words the index does
 * not know (see {@link RankingOptions}). Thread-safe.
 */
public final class UnitQueryBuilder {

    /**
     * Analysed terms taken from the words and exclusions of one query. A single typed word such as
     * "b,c,d,…" holds hundreds of terms, each a clause in every field; the cap keeps the query far
     * below Lucene's clause limit (and its cost bounded) whatever is typed. Phrases are one clause each.
     */
    public static final int MAX_TERMS = 64;
    /** Words of one query that get typo corrections: bounds the clauses of a query of nonsense. */
    static final int MAX_FUZZY_WORDS = 6;
    /** Weight of a word that is part of a nutrient's name ("vitamin" of "vitamin d") on its own. */
    static final float NAMED_WORD_WEIGHT = 0.25f;
    /** Corrections kept per word. */
    static final int MAX_FUZZY_EXPANSIONS = 8;

    private final Analyzer analyzer;
    private final Analyzer plain = TextAnalyzers.plain();
    private final QueryBuilder builder;
    private final SynonymExpander synonyms;
    private final NutrientTagger tagger;
    private final RankingOptions options;
    /** Shared by the builders of every ranking: candidates depend on the index, not on the ranking. */
    private final SpellingCache spelling;

    /** Words as typed only ({@link RankingOptions#BASELINE}). */
    public UnitQueryBuilder(Analyzer analyzer) {
        this(analyzer, null, null, RankingOptions.BASELINE);
    }

    /**
     * @param analyzer         the index's analyzer ({@link TextAnalyzers#english()})
     * @param synonymAnalyzer  the same with synonyms ({@link TextAnalyzers#englishWithSynonyms}), or null for none
     * @param tagger           recognises nutrients named in the query, or null for none
     */
    public UnitQueryBuilder(Analyzer analyzer, Analyzer synonymAnalyzer, NutrientTagger tagger, RankingOptions options) {
        this.analyzer = analyzer;
        this.builder = new QueryBuilder(analyzer);
        this.synonyms = synonymAnalyzer == null ? null : new SynonymExpander(synonymAnalyzer);
        this.tagger = tagger;
        this.options = options;
        this.spelling = new SpellingCache();
    }

    /**
     * The builder the service ranks with, on either backend: English analysis, the shipped synonym
     * file, nutrients recognised by {@code tagger}, ranking tuned by {@code options}.
     */
    public static UnitQueryBuilder standard(NutrientTagger tagger, RankingOptions options) {
        return new UnitQueryBuilder(TextAnalyzers.english(),
                TextAnalyzers.englishWithSynonyms(TextAnalyzers.defaultSynonyms()), tagger, options);
    }

    public RankingOptions options() {
        return options;
    }

    /** A builder like this one (same analysis, synonyms and tagger) ranking with {@code other}. */
    public UnitQueryBuilder withOptions(RankingOptions other) {
        return other.equals(options) ? this : new UnitQueryBuilder(this, other);
    }

    private UnitQueryBuilder(UnitQueryBuilder base, RankingOptions options) {
        this.analyzer = base.analyzer;
        this.builder = base.builder;
        this.synonyms = base.synonyms;
        this.tagger = base.tagger;
        this.options = options;
        this.spelling = base.spelling;
    }

    /** Field → boost. Heading and question are short and say what a unit is about. */
    private Map<String, Float> fieldBoosts() {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put(UnitFields.TEXT, 1.0f);
        boosts.put(UnitFields.HEADING, options.headingBoost());
        boosts.put(UnitFields.QUESTION, options.questionBoost());
        return boosts;
    }

    /** The query and the terms snippets should mark. */
    public record Built(Query query, QueryTerms terms) {
    }

    /** The query without typo corrections (they need the index's vocabulary). */
    public Built build(SearchRequest request) {
        return build(request, null);
    }

    /**
     * The query for {@code request}; {@code vocabulary} (the served generation's words) supplies typo
     * corrections, none when null.
     */
    public Built build(SearchRequest request, Vocabulary vocabulary) {
        UserQuery user = UserQuery.parse(request.query());
        Marks marks = new Marks();
        // A unit matches on its own fields; the article title only adds to the score, or every unit
        // of an article titled "…leg cramps…" would match "cramps".
        BooleanQuery.Builder own = new BooleanQuery.Builder();
        BooleanQuery.Builder title = new BooleanQuery.Builder();
        boolean positive = false;
        Query scoringOnly = null;

        String words = firstTerms(String.join(" ", user.words()), MAX_TERMS);
        int budget = MAX_TERMS - analyze(words).size();
        if (!words.isBlank()) {
            if (options.fuzzy() && vocabulary != null) {
                positive |= addCorrections(own, vocabulary, words, marks);
            }
            // Question words ("what", "how", "causes") occur in most FAQ units: matching on them made a
            // question match three units in four of a large corpus, each of which had to be counted and
            // scored. They still add to the score of a unit that matches a word about the topic.
            GenericSplit split = GenericSplit.of(words);
            if (analyze(split.matching()).isEmpty()) {
                split = new GenericSplit(words, "");
            }
            Query q = wordsAcrossFields(words, split.matching(), marks.correctedWords, own);
            if (q != null) {
                own.add(q, Occur.SHOULD);
                addTitle(title, words, false);
                positive = true;
                scoringOnly = split.scoringOnly().isEmpty() ? null : wordsScore(words, split.scoringOnly());
            }
            if (options.synonyms() && synonyms != null) {
                positive |= addSynonyms(own, words, marks);
            }
        }
        for (String phrase : user.phrases()) {
            Query q = acrossFields(phrase, true);
            if (q != null) {
                own.add(q, Occur.MUST);
                addTitle(title, phrase, true);
                positive = true;
            }
        }
        if (positive && options.nutrientWeight() > 0 && tagger != null) {
            // Nutrients named as typed, and as corrected ("vitamin b21" names vitamin B12); a
            // corrected name weighs as little as a corrected word, so exact matches stay ahead.
            Map<String, Float> ids = new LinkedHashMap<>();
            if (marks.correctedWords != null) {
                for (String id : tagger.nutrientIds(marks.correctedWords)) {
                    ids.put(id, options.nutrientWeight() * options.fuzzyWeight());
                }
            }
            for (String id : tagger.nutrientIds(user.positiveText())) {
                ids.put(id, options.nutrientWeight());
            }
            ids.forEach((id, weight) -> {
                Query about = new ConstantScoreQuery(new TermQuery(new Term(UnitFields.NUTRIENT, id)));
                own.add(new BoostQuery(about, weight), Occur.SHOULD);
            });
        }
        BooleanQuery.Builder main = new BooleanQuery.Builder();
        if (positive) {
            main.add(own.build(), Occur.MUST);
            if (scoringOnly != null) {
                main.add(scoringOnly, Occur.SHOULD);
            }
            BooleanQuery titleQuery = title.build();
            if (!titleQuery.clauses().isEmpty()) {
                main.add(new BoostQuery(titleQuery, options.titleBoost()), Occur.SHOULD);
            }
        } else if (user.words().isEmpty() && user.phrases().isEmpty() && !user.excluded().isEmpty()) {
            main.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            // Every word was a stop word or punctuation: nothing can match.
            return new Built(new MatchNoDocsQuery("no searchable words"), QueryTerms.NONE);
        }
        addExclusions(main, user, budget);
        addFilters(main, request);
        return new Built(main.build(), termsOf(user, marks));
    }

    /**
     * Units holding every word of the request as typed (stemmed, in any of the unit's own fields) and
     * its phrases, within its filters: the "good matches" a correction is judged by.
     */
    Query allWords(SearchRequest request) {
        UserQuery user = UserQuery.parse(request.query());
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (String term : new LinkedHashSet<>(analyze(firstTerms(String.join(" ", user.words()), MAX_TERMS)))) {
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            for (String field : fieldBoosts().keySet()) {
                anyField.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }
            all.add(anyField.build(), Occur.MUST);
            any = true;
        }
        for (String phrase : user.phrases()) {
            Query q = acrossFields(phrase, true);
            if (q != null) {
                all.add(q, Occur.MUST);
                any = true;
            }
        }
        if (!any) {
            return new MatchNoDocsQuery("no searchable words");
        }
        addExclusions(all, user, MAX_TERMS);
        addFilters(all, request);
        return all.build();
    }

    /**
     * What restricts a search by meaning: units only, the request's filters, its quoted phrases (the
     * user asked for them word for word) and its excluded words. It scores nothing; a vector query
     * ranks within it.
     */
    public Query filter(SearchRequest request) {
        UserQuery user = UserQuery.parse(request.query());
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        for (String phrase : user.phrases()) {
            Query q = acrossFields(phrase, true);
            if (q != null) {
                filter.add(q, Occur.FILTER);
            }
        }
        addExclusions(filter, user, MAX_TERMS);
        addFilters(filter, request);
        return filter.build();
    }

    /** Terms that synonyms and corrections add to the snippet marks. */
    private static final class Marks {
        final Map<String, MatchKind> terms = new LinkedHashMap<>();
        final Set<List<String>> phrases = new LinkedHashSet<>();
        /** The words with typos replaced by their best correction, when any was; else null. */
        String correctedWords;
    }

    /**
     * The typed words, each scored across the fields. Words that together name a nutrient ("vitamin
     * d", or "vitamin b21" once corrected to "vitamin b12") count as that phrase (a clause added to
     * {@code own}); alone they weigh little, so "vitamin d" does not rank units that merely say "vitamin".
     */
    private Query wordsAcrossFields(String words, String matching, String correctedWords, BooleanQuery.Builder own) {
        List<String> terms = analyze(matching);
        if (terms.isEmpty()) {
            return null;
        }
        Set<String> named = new HashSet<>();
        if (options.nutrientWeight() > 0 && tagger != null) {
            named.addAll(addNutrientPhrases(words, 1f, own));
            if (correctedWords != null) {
                named.addAll(addNutrientPhrases(correctedWords, options.fuzzyWeight(), own));
            }
        }
        return termsAcrossFields(matching, terms, named);
    }

    /**
     * The score the words {@code scoringOnly} of {@code words} add (question words, see {@link
     * GenericSplit}), weighed as {@link #wordsAcrossFields} weighs them; matches nothing on its own.
     */
    private Query wordsScore(String words, String scoringOnly) {
        List<String> terms = analyze(scoringOnly);
        if (terms.isEmpty()) {
            return null;
        }
        Set<String> named = new HashSet<>();
        if (options.nutrientWeight() > 0 && tagger != null) {
            named.addAll(addNutrientPhrases(words, 1f, new BooleanQuery.Builder()));
        }
        return termsAcrossFields(scoringOnly, terms, named);
    }

    private Query termsAcrossFields(String text, List<String> terms, Set<String> named) {
        if (named.isEmpty()) {
            // Built exactly as before nutrients were recognised, so scores stay bit for bit the same
            // (the OpenSearch backend is held to them).
            return acrossFields(text, false);
        }
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        for (String term : terms) {
            Query q = acrossFields(new SynonymExpander.TermSequence(List.of(term), List.of(0)));
            sum.add(named.contains(term) ? new BoostQuery(q, NAMED_WORD_WEIGHT) : q, Occur.SHOULD);
        }
        return sum.build();
    }

    /**
     * The typed words split into those a unit may match on and those that only add to its score: the
     * generic words of questions ({@link QuestionWords#GENERIC}), as long as some other word is left.
     */
    record GenericSplit(String matching, String scoringOnly) {
        static GenericSplit of(String words) {
            StringBuilder matching = new StringBuilder();
            StringBuilder generic = new StringBuilder();
            for (String word : words.split("\\s+")) {
                String bare = word.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                StringBuilder to = QuestionWords.GENERIC.contains(bare) ? generic : matching;
                if (!word.isEmpty()) {
                    to.append(to.isEmpty() ? "" : " ").append(word);
                }
            }
            if (matching.toString().chars().noneMatch(Character::isLetterOrDigit)) {
                return new GenericSplit(words, "");
            }
            return new GenericSplit(matching.toString(), generic.toString());
        }
    }

    /** Adds a phrase clause for each nutrient name of several words in {@code text}; returns their terms. */
    private Set<String> addNutrientPhrases(String text, float weight, BooleanQuery.Builder own) {
        Set<String> named = new HashSet<>();
        for (NutrientMention m : tagger.tag(text)) {
            String mention = text.substring(m.start(), m.end());
            List<String> mentionTerms = analyze(mention);
            if (mentionTerms.size() > 1) {
                named.addAll(mentionTerms);
                Query phrase = acrossFields(mention, true);
                if (phrase != null) {
                    own.add(new BoostQuery(phrase, weight), Occur.SHOULD);
                }
            }
        }
        return named;
    }

    /** One clause per stretch of the query a synonym line matched: the best-matching alternative counts. */
    private boolean addSynonyms(BooleanQuery.Builder own, String words, Marks marks) {
        boolean added = false;
        for (SynonymExpander.Expansion e : synonyms.expand(words)) {
            List<Query> alternatives = new ArrayList<>();
            int typedTerms = e.typed() == null ? 1 : e.typed().terms().size();
            for (SynonymExpander.TermSequence alt : e.alternatives()) {
                // An alternative stands in for the typed stretch: "hypokalemia" for the two words
                // "low potassium" counts like two words, "restless legs syndrome" for "rls" like one.
                float standIn = (float) typedTerms / alt.terms().size();
                alternatives.add(new BoostQuery(acrossFields(alt), standIn));
                if (alt.isPhrase()) {
                    marks.phrases.add(alt.terms());
                } else {
                    marks.terms.putIfAbsent(alt.terms().getFirst(), MatchKind.SYNONYM);
                }
            }
            own.add(new BoostQuery(new DisjunctionMaxQuery(alternatives, 0f), options.synonymWeight()), Occur.SHOULD);
            added = true;
        }
        return added;
    }

    /** For words the index does not know, the near words it does know, blended like one word. */
    private boolean addCorrections(BooleanQuery.Builder own, Vocabulary vocabulary, String words, Marks marks) {
        boolean added = false;
        List<String> corrected = new ArrayList<>();
        int fuzzyWords = 0;
        for (String word : new LinkedHashSet<>(analyze(plain, words))) {
            List<SpellingCandidates.Candidate> candidates = fuzzyWords < MAX_FUZZY_WORDS
                    ? spellingCandidates(vocabulary, word) : List.of();
            Map<String, Float> stems = stemsOf(word, candidates);
            if (stems.isEmpty()) {
                corrected.add(word);
                continue;
            }
            fuzzyWords++;
            corrected.add(candidates.getFirst().word());
            BooleanQuery.Builder fields = new BooleanQuery.Builder();
            for (Map.Entry<String, Float> field : fieldBoosts().entrySet()) {
                SynonymQuery.Builder blend = new SynonymQuery.Builder(field.getKey());
                stems.forEach((stem, similarity) -> blend.addTerm(new Term(field.getKey(), stem), similarity));
                fields.add(new BoostQuery(blend.build(), field.getValue()), Occur.SHOULD);
            }
            own.add(new BoostQuery(fields.build(), options.fuzzyWeight()), Occur.SHOULD);
            stems.keySet().forEach(stem -> marks.terms.putIfAbsent(stem, MatchKind.FUZZY));
            added = true;
        }
        if (added) {
            marks.correctedWords = String.join(" ", corrected);
        }
        return added;
    }

    /**
     * Spelling candidates for {@code word} in {@code vocabulary}, best first, at most
     * {@link #MAX_FUZZY_EXPANSIONS}; looked up once per generation and word, whoever asks.
     */
    List<SpellingCandidates.Candidate> spellingCandidates(Vocabulary vocabulary, String word) {
        return spelling.candidates(vocabulary, word);
    }

    /** Analysed forms of the candidates for {@code word} → similarity, leaving out the word's own forms. */
    private Map<String, Float> stemsOf(String word, List<SpellingCandidates.Candidate> candidates) {
        Set<String> own = new HashSet<>(analyze(analyzer, word));
        Map<String, Float> stems = new LinkedHashMap<>();
        for (SpellingCandidates.Candidate c : candidates) {
            for (String stem : analyze(analyzer, c.word())) {
                if (!own.contains(stem)) {
                    stems.merge(stem, Math.min(1f, Math.max(0.01f, c.similarity())), Math::max);
                }
            }
        }
        return stems;
    }

    private void addTitle(BooleanQuery.Builder title, String text, boolean phrase) {
        Query q = phrase
                ? builder.createPhraseQuery(UnitFields.ARTICLE_TITLE, text)
                : builder.createBooleanQuery(UnitFields.ARTICLE_TITLE, text, Occur.SHOULD);
        if (q != null) {
            title.add(q, Occur.SHOULD);
        }
    }

    private Query acrossFields(String text, boolean phrase) {
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : fieldBoosts().entrySet()) {
            Query q = phrase
                    ? builder.createPhraseQuery(field.getKey(), text)
                    : builder.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
            if (q != null) {
                perField.add(new BoostQuery(q, field.getValue()));
            }
        }
        if (perField.isEmpty()) {
            return null;
        }
        if (phrase) {
            return new DisjunctionMaxQuery(perField, 0.1f);
        }
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        perField.forEach(q -> sum.add(q, Occur.SHOULD));
        return sum.build();
    }

    /** An analysed term sequence (a term, or a phrase with its gaps) scored across the fields. */
    private Query acrossFields(SynonymExpander.TermSequence seq) {
        BooleanQuery.Builder sum = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : fieldBoosts().entrySet()) {
            Query q;
            if (seq.isPhrase()) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder();
                for (int i = 0; i < seq.terms().size(); i++) {
                    phrase.add(new Term(field.getKey(), seq.terms().get(i)), seq.positions().get(i));
                }
                q = phrase.build();
            } else {
                q = new TermQuery(new Term(field.getKey(), seq.terms().getFirst()));
            }
            sum.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
        }
        return sum.build();
    }

    /** The excluded words as MUST_NOT clauses, while they fit in {@code budget} terms (the clause limit). */
    private void addExclusions(BooleanQuery.Builder query, UserQuery user, int budget) {
        for (String excluded : user.excluded()) {
            if (budget <= 0) {
                break;
            }
            String word = firstTerms(excluded, budget);
            budget -= analyze(word).size();
            Query q = acrossFields(word, false);
            if (q != null) {
                query.add(q, Occur.MUST_NOT);
            }
        }
    }

    private static void addFilters(BooleanQuery.Builder main, SearchRequest request) {
        main.add(new TermQuery(new Term(UnitFields.DOC_TYPE, UnitFields.TYPE_UNIT)), Occur.FILTER);
        if (!request.kinds().isEmpty()) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            for (UnitKind kind : request.kinds()) {
                kinds.add(new TermQuery(new Term(UnitFields.KIND, kind.apiName())), Occur.SHOULD);
            }
            main.add(kinds.build(), Occur.FILTER);
        }
        for (String nutrient : request.nutrients()) {
            main.add(new TermQuery(new Term(UnitFields.NUTRIENT, nutrient)), Occur.FILTER);
        }
        if (request.articleId() != null) {
            main.add(new TermQuery(new Term(UnitFields.ARTICLE_ID, request.articleId())), Occur.FILTER);
        }
    }

    private QueryTerms termsOf(UserQuery user, Marks marks) {
        Map<String, MatchKind> terms = new HashMap<>();
        Set<String> typed = new HashSet<>();
        for (String part : List.of(user.positiveText().split("\\s+"))) {
            if (part.isEmpty()) {
                continue;
            }
            for (String term : analyze(part)) {
                terms.put(term, MatchKind.STEM);
            }
            // Typed words as the tokenizer splits them, for telling exact from stemmed matches.
            for (String piece : part.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
                if (!piece.isEmpty()) {
                    typed.add(piece);
                }
            }
        }
        marks.terms.forEach(terms::putIfAbsent);
        return new QueryTerms(terms, typed, new ArrayList<>(marks.phrases));
    }

    /** {@code text} up to the end of its {@code max}-th analysed term (all of it when it has fewer). */
    String firstTerms(String text, int max) {
        try (TokenStream ts = analyzer.tokenStream(UnitFields.TEXT, text)) {
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int terms = 0;
            int end = 0;
            boolean more = false;
            while (ts.incrementToken()) {
                if (terms == max) {
                    more = true;
                    break;
                }
                terms++;
                end = offset.endOffset();
            }
            ts.end();
            return more ? text.substring(0, end) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analysed terms of {@code text}, in order. */
    List<String> analyze(String text) {
        return analyze(analyzer, text);
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        return TextAnalyzers.terms(analyzer, text);
    }
}
