package org.nutrisearch.answer;

import org.nutrisearch.corpus.QuestionType;
import org.nutrisearch.corpus.QuestionTypeClassifier;
import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nutrisearch.search.SearchHit;

/**
 * Measures how well each search candidate covers a question: which of the question's words it
 * contains, weighted by how rare they are among all units (a word no unit contains weighs most, so a
 * question about acne cannot be covered by a paragraph about magnesium), and whether it contains them
 * in one passage. Thread-safe.
 */
public final class AnswerFeatureExtractor {

    /** Sentences per passage for {@link AnswerFeatures#window()}. */
    static final int WINDOW_SENTENCES = 2;
    /** {@link AnswerFeatures#evidence()} stops growing here: past two rare words, more says little. */
    static final double MAX_EVIDENCE = 2.0;
    /** Shortest shared prefix for {@link #sameFamily}: shorter prefixes join unrelated words. */
    static final int FAMILY_PREFIX = 5;
    /** Characters of the shorter stem {@link #sameFamily} lets differ. */
    static final int FAMILY_SLACK = 2;

    private final SynonymCoverage synonyms;

    /** Reads units' terms from their {@link UnitTraits} (analysed once per unit); matches synonyms by {@code synonyms}. */
    public AnswerFeatureExtractor(SynonymCoverage synonyms) {
        this.synonyms = synonyms;
    }

    /**
     * How much each question term weighs.
     *
     * @param byTerm the weight of each term, in question order
     * @param unseen the weight of a term no unit contains (the largest possible)
     */
    public record Weights(Map<String, Double> byTerm, double unseen) {
        public Weights {
            byTerm = Collections.unmodifiableMap(new LinkedHashMap<>(byTerm));
        }
    }

    /**
     * The weight of each question term: BM25's IDF over units, {@code ln(1 + (N - df + 0.5) / (df + 0.5))}.
     * Every term weighs 1 when the frequencies are unknown.
     */
    public static Weights weights(List<String> terms, Map<String, Integer> unitFrequencies, int totalUnits) {
        Map<String, Double> weights = new LinkedHashMap<>();
        boolean known = !unitFrequencies.isEmpty() && totalUnits > 0;
        for (String t : terms) {
            weights.put(t, known ? idf(unitFrequencies.getOrDefault(t, 0), totalUnits) : 1.0);
        }
        return new Weights(weights, known ? idf(0, totalUnits) : 1.0);
    }

    private static double idf(int df, int totalUnits) {
        int n = Math.max(totalUnits, df);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /**
     * Features for every candidate, in candidate order: the first {@code searched} are search's hits in
     * its order (best score first), the rest were found by their question alone.
     */
    public List<AnswerFeatures> extract(QuestionAnalysis question, List<UnitTraits> traits, Weights weights,
                                        Set<String> questionNutrients, List<SearchHit> hits, int searched) {
        List<AnswerFeatures> out = new ArrayList<>(hits.size());
        double best = searched == 0 ? 0 : hits.getFirst().score();
        double runnerUp = searched > 1 ? hits.get(1).score() : 0;
        List<String> asked = new ArrayList<>(weights.byTerm().keySet());
        double[] similarity = similarities(hits);
        Set<String> focusTerms = new HashSet<>(question.focusTerms());
        double longest = 0;
        for (UnitTraits t : traits) {
            longest = Math.max(longest, t.length());
        }
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            Unit unit = hit.unit();
            boolean fromSearch = i < searched;
            UnitTraits unitTraits = traits.get(i);
            UnitTerms unitTerms = unitTraits.terms();
            Set<String> all = unitTerms.all();

            Set<String> covered = covered(asked, all);
            double window = window(weights, asked, unitTerms);
            double relScore = fromSearch && best > 0 ? hit.score() / best : 0;
            double lead = !fromSearch || best <= 0 ? 0 : i == 0 ? (best - runnerUp) / best : (hit.score() - best) / best;
            double evidence = Math.min(MAX_EVIDENCE, matched(weights, covered) / weights.unseen());

            Set<String> topicTerms = unitTraits.topicTerms();
            double questionMatch = share(weights, covered(asked, topicTerms));
            double focusMatch = 0;
            double focusMiss = 0;
            if (question.focus() != null) {
                if (unitTraits.subjects().contains(question.focus().key())) {
                    focusMatch = 1;
                } else if (topicTerms.containsAll(focusTerms)) {
                    focusMatch = 0.5;
                }
                focusMiss = focusMatch == 0 && !all.containsAll(focusTerms) ? 1 : 0;
            }
            TypeFit fit = typeFit(question.types(), unitTraits);
            double typeMatch = fit.match() ? 1 : 0;
            double typeConflict = fit.conflict() ? 1 : 0;
            Float qs = hit.questionSimilarity();
            out.add(new AnswerFeatures(share(weights, covered), window, evidence,
                    nutrientMiss(questionNutrients, hit.nutrients()), relScore, lead,
                    unit.kind() == UnitKind.FAQ ? 1 : 0, similarity[i], similarityLead(similarity, i),
                    qs == null ? 0 : qs, questionMatch, focusMatch, focusMiss, typeMatch, typeConflict,
                    unitTraits.pointer(), uncoveredRare(weights, covered), fromSearch ? 1.0 / (i + 1) : 0,
                    unitTraits.length() - longest));
        }
        return out;
    }

    /** Whether a unit answers the kind of question asked, and whether it answers another kind instead. */
    record TypeFit(boolean match, boolean conflict) {
    }

    /**
     * How the kinds of question a unit answers ({@link UnitTraits#types}) meet those {@code asked}. A unit
     * that lists foods answers "which foods …" whatever its heading asks, and one whose text names no food
     * does not; listing foods never makes a unit conflict with another kind, nor do kinds that answer each
     * other in part ({@link QuestionType#overlaps}).
     */
    static TypeFit typeFit(Set<QuestionType> asked, UnitTraits unit) {
        Set<QuestionType> answers = unit.types();
        boolean typed = !asked.isEmpty() && !answers.isEmpty();
        boolean asksFoods = asked.contains(QuestionType.FOOD_SOURCES);
        boolean match = asksFoods && unit.listsFoods() || typed && answers.stream().anyMatch(asked::contains);
        boolean partly = typed && answers.stream().anyMatch(t -> asked.stream().anyMatch(t::overlaps));
        boolean conflict = !match && !partly && (typed || asksFoods && unit.foods() == 0);
        return new TypeFit(match, conflict);
    }

    /**
     * What a unit answers: its corpus's question type, and what its own question or (sections and
     * tables) its heading asks.
     */
    static Set<QuestionType> typesOf(Unit unit) {
        Set<QuestionType> types = new LinkedHashSet<>();
        if (unit.questionType() != null) {
            types.add(unit.questionType());
        }
        String asks = unit.question() != null ? unit.question()
                : unit.kind() == UnitKind.SECTION || unit.kind() == UnitKind.TABLE ? unit.heading() : null;
        types.addAll(QuestionTypeClassifier.classifyAll(asks));
        return types;
    }

    /**
     * What a unit says it is about: its focus, its heading (sections and tables: FAQ, summary and key point
     * headings are fixed labels) and its own question; its article's title only when it has neither
     * heading nor question (a title speaks for every unit of a long article, not for this one).
     */
    static String topicOf(Unit unit) {
        String own = ownTopicOf(unit);
        return headed(unit) || unit.question() != null ? own : own + unit.articleTitle();
    }

    /**
     * What a unit itself says it is about: its focus, its heading (sections and tables) and its own
     * question, without the article title {@link #topicOf} falls back on.
     */
    static String ownTopicOf(Unit unit) {
        String context = contextOf(unit);
        return unit.focus() == null ? context : unit.focus() + '\n' + context;
    }

    /** Whether the unit's heading names it (sections and tables): other kinds' headings are fixed labels. */
    private static boolean headed(Unit unit) {
        return (unit.kind() == UnitKind.SECTION || unit.kind() == UnitKind.TABLE) && unit.heading() != null;
    }

    /** Each hit's cosine similarity to the question, 0 for a hit found without embeddings. */
    private static double[] similarities(List<SearchHit> hits) {
        double[] out = new double[hits.size()];
        for (int i = 0; i < out.length; i++) {
            Float s = hits.get(i).similarity();
            out[i] = s == null ? 0 : s;
        }
        return out;
    }

    /**
     * How far hit {@code i} stands out by meaning: its similarity minus the best similarity among the
     * other hits (positive only for the most similar hit, by its margin over the runner-up).
     */
    static double similarityLead(double[] similarity, int i) {
        if (similarity.length < 2 || similarity[i] == 0) {
            return 0;
        }
        double bestOther = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < similarity.length; k++) {
            if (k != i) {
                bestOther = Math.max(bestOther, similarity[k]);
            }
        }
        return similarity[i] - bestOther;
    }

    /**
     * Text that frames every sentence of the unit: a section's or table's heading (it names the topic)
     * and an FAQ's own question. The fixed headings of FAQ, summary and key point units say nothing.
     */
    static String contextOf(Unit unit) {
        StringBuilder sb = new StringBuilder();
        if (headed(unit)) {
            sb.append(unit.heading()).append('\n');
        }
        if (unit.question() != null) {
            sb.append(unit.question());
        }
        return sb.toString();
    }

    /** Where each sentence of {@code text} ends (exclusive), the last at the text's length. */
    static List<Integer> sentenceEnds(String text) {
        List<Integer> ends = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?') && i + 1 < n && isSpace(text.charAt(i + 1)))) {
                ends.add(i + 1);
            }
        }
        ends.add(Integer.MAX_VALUE);
        return ends;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /**
     * The best share of the question's weight that the context and {@value #WINDOW_SENTENCES}
     * consecutive sentences cover. Which unit terms cover which question term (the term itself or
     * another form of it) is worked out once for the unit, each sentence's coverage once as a bit set
     * of question terms (the first 64), and a passage's as the union of its sentences'; synonyms are
     * looked at per passage only when they cover something in the whole unit.
     */
    private double window(Weights weights, List<String> asked, UnitTerms unit) {
        List<String> terms = asked.size() > Long.SIZE ? asked.subList(0, Long.SIZE) : asked;
        long[] bitOf = new long[unit.size()];
        double[] weightOf = new double[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            String term = terms.get(t);
            weightOf[t] = weights.byTerm().getOrDefault(term, 0.0);
            for (int i = 0; i < bitOf.length; i++) {
                String other = unit.term(i);
                if (other.equals(term) || sameFamily(term, other)) {
                    bitOf[i] |= 1L << t;
                }
            }
        }
        double total = weights.byTerm().values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return 0;
        }
        boolean bySynonyms = !synonyms.covered(asked, unit.all()).isEmpty();
        long framed = 0;
        for (int i : unit.context()) {
            framed |= bitOf[i];
        }
        int sentences = unit.sentences();
        long[] bySentence = new long[sentences];
        for (int s = 0; s < sentences; s++) {
            for (int k = unit.sentenceStart(s); k < unit.sentenceEnd(s); k++) {
                bySentence[s] |= bitOf[unit.sentenceTerm(k)];
            }
        }
        double window = 0;
        for (int s = 0; s < Math.max(1, sentences - WINDOW_SENTENCES + 1); s++) {
            long covered = framed;
            for (int k = s; k < Math.min(sentences, s + WINDOW_SENTENCES); k++) {
                covered |= bySentence[k];
            }
            double hit = 0;
            for (int t = 0; t < weightOf.length; t++) {
                hit += (covered >>> t & 1) != 0 ? weightOf[t] : 0;
            }
            if (bySynonyms) {
                Set<String> passage = new HashSet<>();
                for (int i : unit.context()) {
                    passage.add(unit.term(i));
                }
                for (int k = s; k < Math.min(sentences, s + WINDOW_SENTENCES); k++) {
                    for (int j = unit.sentenceStart(k); j < unit.sentenceEnd(k); j++) {
                        passage.add(unit.term(unit.sentenceTerm(j)));
                    }
                }
                for (String term : synonyms.covered(asked, passage)) {
                    int t = terms.indexOf(term);
                    if (t < 0 || (covered >>> t & 1) == 0) {
                        hit += weights.byTerm().getOrDefault(term, 0.0);
                    }
                }
            }
            window = Math.max(window, hit / total);
        }
        return window;
    }

    /**
     * The question terms a unit (or passage) with terms {@code found} covers: those it contains, those it
     * contains another form of (see {@link #sameFamily}), and those a synonym covers.
     */
    Set<String> covered(List<String> asked, Set<String> found) {
        Set<String> covered = new HashSet<>();
        for (String term : asked) {
            if (found.contains(term)) {
                covered.add(term);
                continue;
            }
            for (String other : found) {
                if (sameFamily(term, other)) {
                    covered.add(term);
                    break;
                }
            }
        }
        covered.addAll(synonyms.covered(asked, found));
        return covered;
    }

    /**
     * Whether two stems are forms of one word that the stemmer left apart ("absorb" and "absorpt" from
     * absorption, "pregnant" and "pregnanc"): they share a prefix of at least
     * {@value #FAMILY_PREFIX} characters that leaves at most {@value #FAMILY_SLACK} characters of the
     * shorter one over.
     */
    static boolean sameFamily(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < FAMILY_PREFIX) {
            return false;
        }
        int common = 0;
        while (common < shorter && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= Math.max(FAMILY_PREFIX, shorter - FAMILY_SLACK);
    }

    /** Words at which a text counts as full length ({@link #length}). */
    static final int FULL_ANSWER_WORDS = 1000;

    /**
     * How much a text says, 0..1: ln(1 + words) / ln(1 + {@value #FULL_ANSWER_WORDS}), at most 1 (words are
     * runs of non-space characters). Logarithmic: 50 more words matter in a short answer, not in a long one.
     */
    static double length(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return Math.min(1, Math.log1p(words) / Math.log1p(FULL_ANSWER_WORDS));
    }

    /** The weight of the heaviest question term not in {@code covered}, relative to an unseen term's (0..1). */
    static double uncoveredRare(Weights weights, Set<String> covered) {
        double max = 0;
        for (Map.Entry<String, Double> w : weights.byTerm().entrySet()) {
            if (!covered.contains(w.getKey())) {
                max = Math.max(max, w.getValue());
            }
        }
        return weights.unseen() > 0 ? Math.min(1, max / weights.unseen()) : 0;
    }

    /** The weighted share of question terms found in {@code found}. */
    static double share(Weights weights, Set<String> found) {
        double total = weights.byTerm().values().stream().mapToDouble(Double::doubleValue).sum();
        return total > 0 ? matched(weights, found) / total : 0;
    }

    /** The summed weight of the question terms found in {@code found}. */
    static double matched(Weights weights, Set<String> found) {
        double hit = 0;
        for (Map.Entry<String, Double> w : weights.byTerm().entrySet()) {
            if (found.contains(w.getKey())) {
                hit += w.getValue();
            }
        }
        return hit;
    }

    private static double nutrientMiss(Set<String> questionNutrients, List<String> unitNutrients) {
        if (questionNutrients.isEmpty()) {
            return 0;
        }
        long missing = questionNutrients.stream().filter(n -> !unitNutrients.contains(n)).count();
        return (double) missing / questionNutrients.size();
    }
}
