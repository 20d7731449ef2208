package org.nutrisearch.search;

import org.nutrisearch.corpus.Unit;
import org.nutrisearch.corpus.UnitKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Measures how well each search candidate covers a question: which of the question's words it
 * contains, weighted by how rare they are among all units (a word no unit contains weighs most, so a
 * question about acne cannot be covered by a paragraph about magnesium), and whether it contains them
 * in one passage. Thread-safe.
 */
public final class AnswerFeatureExtractor {

    /** Sentence ends and line breaks (bullets are their own lines). */
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    /** Sentences per passage for {@link AnswerFeatures#window()}. */
    static final int WINDOW_SENTENCES = 2;

    private final QuestionWords words;

    public AnswerFeatureExtractor(QuestionWords words) {
        this.words = words;
    }

    /**
     * The weight of each question term: BM25's IDF over units, {@code ln(1 + (N - df + 0.5) / (df + 0.5))}.
     * Every term weighs 1 when the frequencies are unknown.
     */
    public static Map<String, Double> weights(List<String> terms, Map<String, Integer> unitFrequencies,
                                              int totalUnits) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String t : terms) {
            Integer df = unitFrequencies.get(t);
            if (df == null || totalUnits <= 0) {
                weights.put(t, 1.0);
            } else {
                int n = Math.max(totalUnits, df);
                weights.put(t, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
            }
        }
        return weights;
    }

    /** Features for every hit, in hit order; {@code hits} are in search order (best score first). */
    public List<AnswerFeatures> extract(Map<String, Double> weights, Set<String> questionNutrients,
                                        List<SearchHit> hits) {
        List<AnswerFeatures> out = new ArrayList<>(hits.size());
        double best = hits.isEmpty() ? 0 : hits.getFirst().score();
        double runnerUp = hits.size() > 1 ? hits.get(1).score() : 0;
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            Unit unit = hit.unit();
            Set<String> context = new HashSet<>(words.terms(contextOf(unit)));
            Set<String> question = new HashSet<>(words.terms(unit.question()));
            Set<String> all = new HashSet<>(context);
            List<Set<String>> sentences = sentenceTerms(unit.text());
            sentences.forEach(all::addAll);

            double window = 0;
            for (int s = 0; s < Math.max(1, sentences.size() - WINDOW_SENTENCES + 1); s++) {
                Set<String> passage = new HashSet<>(context);
                for (int k = s; k < Math.min(sentences.size(), s + WINDOW_SENTENCES); k++) {
                    passage.addAll(sentences.get(k));
                }
                window = Math.max(window, share(weights, passage));
            }
            double relScore = best > 0 ? hit.score() / best : 0;
            double lead = best <= 0 ? 0 : i == 0 ? (best - runnerUp) / best : (hit.score() - best) / best;
            out.add(new AnswerFeatures(share(weights, all), window, share(weights, question),
                    nutrientMiss(questionNutrients, hit.nutrients()), relScore, lead,
                    unit.kind() == UnitKind.FAQ ? 1 : 0));
        }
        return out;
    }

    /**
     * Text that frames every sentence of the unit: a section's or table's heading (it names the topic)
     * and an FAQ's own question. The fixed headings of FAQ, summary and key point units say nothing.
     */
    private static String contextOf(Unit unit) {
        StringBuilder sb = new StringBuilder();
        if ((unit.kind() == UnitKind.SECTION || unit.kind() == UnitKind.TABLE) && unit.heading() != null) {
            sb.append(unit.heading()).append('\n');
        }
        if (unit.question() != null) {
            sb.append(unit.question());
        }
        return sb.toString();
    }

    private List<Set<String>> sentenceTerms(String text) {
        List<Set<String>> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_BREAK.split(text == null ? "" : text)) {
            List<String> terms = words.terms(sentence);
            if (!terms.isEmpty()) {
                sentences.add(new HashSet<>(terms));
            }
        }
        return sentences;
    }

    /** The weighted share of question terms found in {@code found}. */
    static double share(Map<String, Double> weights, Set<String> found) {
        double total = 0;
        double hit = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            total += w.getValue();
            if (found.contains(w.getKey())) {
                hit += w.getValue();
            }
        }
        return total > 0 ? hit / total : 0;
    }

    private static double nutrientMiss(Set<String> questionNutrients, List<String> unitNutrients) {
        if (questionNutrients.isEmpty()) {
            return 0;
        }
        long missing = questionNutrients.stream().filter(n -> !unitNutrients.contains(n)).count();
        return (double) missing / questionNutrients.size();
    }
}
