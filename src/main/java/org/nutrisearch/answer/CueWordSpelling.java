package org.nutrisearch.answer;

import org.nutrisearch.search.query.EnglishWords;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that say what a question asks ("symptoms", "treatment", "diagnosis", "deficiency"), read as
 * meant when a consumer misspells them ("magnesum defficiency simptoms"). The focus gazetteer corrects a
 * question's subject words against the corpus's subjects; these words are no subject, so a misspelling
 * of one went uncorrected: the type it asks for was not seen, and the misspelled word counted as a topic
 * word no answer has. Only a word that is neither an English word nor a word of the corpus is corrected,
 * and only to the one cue word nearest in spelling (one edit, two from eight letters), so "router" never
 * becomes "routes" and a drug's name is left alone.
 */
final class CueWordSpelling {

    /** What the question-type rules read, and "deficiency", which most questions to this portal ask about. */
    static final List<String> CUE_WORDS = List.of("symptom", "symptoms", "signs", "causes", "caused", "causing",
            "treatment", "treatments", "treating", "remedy", "remedies", "prevent", "prevention", "preventing",
            "diagnose", "diagnosis", "diagnosed", "dosage", "outlook", "prognosis", "recovery", "complications",
            "inherited", "hereditary", "deficiency", "deficiencies", "deficient", "supplement", "supplements");

    /** Shortest word looked up: shorter ones are a letter away from too many others. */
    static final int MIN_LENGTH = 5;

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private CueWordSpelling() {
    }

    /**
     * {@code text} with each misspelled cue word replaced by the cue word it misspells.
     *
     * @param inCorpus whether a lower-case word is one the corpus uses (as typed, it is meant)
     */
    static String corrected(String text, Predicate<String> inCorpus) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (word.length() < MIN_LENGTH || CUE_WORDS.contains(word) || EnglishWords.contains(word) || inCorpus.test(word)) {
                continue;
            }
            String meant = nearest(word);
            if (meant != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8);
                }
                out.append(text, copied, m.start()).append(meant);
                copied = m.end();
            }
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * The cue word within the edits allowed for {@code word}, or null when none is, or two different words
     * are equally near.
     */
    static String nearest(String word) {
        int max = word.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = max + 1;
        boolean tied = false;
        for (String cue : CUE_WORDS) {
            if (Math.abs(cue.length() - word.length()) > max) {
                continue;
            }
            int d = FocusGazetteer.distance(word, cue, max);
            if (d < bestDistance) {
                best = cue;
                bestDistance = d;
                tied = false;
            } else if (d == bestDistance && best != null && !best.startsWith(cue) && !cue.startsWith(best)) {
                // Two forms of one word ("symptom", "symptoms") are no tie: either reads the same.
                tied = true;
            }
        }
        return bestDistance <= max && !tied ? best : null;
    }
}
