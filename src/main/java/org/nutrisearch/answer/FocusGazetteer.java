package org.nutrisearch.answer;

import org.nutrisearch.nutrients.Nutrient;
import org.nutrisearch.nutrients.NutrientLexicon;
import org.nutrisearch.search.query.EnglishWords;
import org.nutrisearch.search.query.QuestionWords;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The subjects a corpus is about, and where a text names one. Built from the served topics (article
 * titles, FAQ foci, headings), the nutrient lexicon and the consumer words of the synonym file, each cut
 * into subject phrases: "Swine flu (H1N1 flu) (Symptoms)" files "swine flu" and "h1n1 flu", "Causes of
 * Diabetes" files "diabetes", since words that say what is asked (symptoms, causes, treatment …) or
 * label a part of a page (summary, frequently asked questions) name no subject.
 *
 * <p>A text's subjects are its longest runs of analysed terms that are filed phrases; a term the
 * gazetteer does not know is read as the known term one to three edits away ("diabetis" as "diabetes"),
 * and a consumer's phrase as the clinical one it means ("charley horse" as "leg cramps"). Immutable and
 * thread-safe.
 */
public final class FocusGazetteer {

    /** Longest subject phrase, in terms: longer runs are sentences, not names. */
    static final int MAX_TERMS = 6;
    /** Terms shorter than this are never spelling-corrected: too many short words lie one edit apart. */
    static final int MIN_CORRECTED_LENGTH = 4;

    /** Words that say what is asked about a subject, or label a part of a page, never the subject. */
    static final Set<String> NOT_A_SUBJECT = Set.of(
            "symptom", "symptoms", "sign", "signs", "cause", "causes", "caused", "causing", "treatment",
            "treatments", "treat", "treated", "treating", "therapy", "therapies", "prevention", "prevent",
            "preventing", "diagnosis", "diagnose", "diagnosed", "diagnosing", "test", "tests", "testing", "exam",
            "exams", "outlook", "prognosis", "complication", "complications", "risk", "risks", "factor", "factors",
            "inherited", "inheritance", "inherit", "genetic", "change", "changes", "frequency", "stage", "stages",
            "research", "support", "group", "groups", "dose", "doses", "dosage", "dosing",
            "source", "sources", "interaction", "interactions", "side", "effect", "effects", "summary", "overview",
            "information", "introduction", "frequently", "asked", "question", "questions", "key", "point",
            "points", "quick", "table", "contents", "reference", "references", "resource", "resources",
            "related", "topic", "topics", "definition", "definitions", "type", "types", "other", "alternative",
            "medicine", "medicines", "lifestyle", "home", "remedies", "remedy", "living", "care", "learn",
            "considerations", "consideration", "affected", "people", "treatable", "curable", "cure", "cures");

    /** Small words that join the words of one name ("tetralogy of fallot") rather than end it. */
    static final Set<String> JOINERS = Set.of("of", "the", "a", "an", "and", "or", "in", "on", "at", "for", "with",
            "to", "from", "by");

    /** A subject named in a text: its canonical key, how a corpus writes it, and where it stood. */
    public record Focus(String key, String label, int start, int end) {
        /** How many terms of the text it spans. */
        public int length() {
            return end - start;
        }
    }

    private final QuestionWords words;
    /** Phrase key (analysed terms joined by spaces) to the key of the subject it names. */
    private final Map<String, String> canonical;
    /** Canonical keys of the nutrient lexicon's nutrients: named alongside another subject, they win. */
    private final Set<String> nutrients;
    /** Canonical keys of the subjects the nutrient lexicon and the synonym file name: the portal's own. */
    private final Set<String> lexiconSubjects;
    /**
     * The first term of every phrase filed under a lexicon subject, with the longest such phrase's
     * length: a unit's whole text is scanned for them ({@link #lexiconKeys(List)}), one lookup per term.
     */
    private final Map<String, Integer> lexiconStarts;
    /** Canonical key to a label as the corpus writes it. */
    private final Map<String, String> labels;
    /** Term to the number of filed phrases that contain it. */
    private final Map<String, Integer> vocabulary;
    /** Known terms by length, for spelling correction. */
    private final Map<Integer, List<String>> byLength;

    private FocusGazetteer(QuestionWords words, Map<String, String> canonical, Map<String, String> labels,
                           Set<String> nutrients, Set<String> lexiconSubjects) {
        this.words = words;
        this.nutrients = Set.copyOf(nutrients);
        this.lexiconSubjects = Set.copyOf(lexiconSubjects);
        Map<String, Integer> starts = new HashMap<>();
        canonical.forEach((phrase, subject) -> {
            if (lexiconSubjects.contains(subject)) {
                String[] terms = phrase.split(" ");
                starts.merge(terms[0], terms.length, Math::max);
            }
        });
        this.lexiconStarts = Map.copyOf(starts);
        this.canonical = Map.copyOf(canonical);
        this.labels = Map.copyOf(labels);
        Map<String, Integer> vocab = new HashMap<>();
        for (String key : canonical.keySet()) {
            for (String term : key.split(" ")) {
                vocab.merge(term, 1, Integer::sum);
            }
        }
        this.vocabulary = Map.copyOf(vocab);
        Map<Integer, List<String>> lengths = new HashMap<>();
        vocab.keySet().stream().sorted().forEach(t -> lengths.computeIfAbsent(t.length(), n -> new ArrayList<>()).add(t));
        this.byLength = Map.copyOf(lengths);
    }

    /**
     * The gazetteer of a corpus.
     *
     * @param topics   the served topics (titles, foci, headings), as written
     * @param lexicon  the nutrient lexicon: each nutrient's label, aliases and clinical names
     * @param synonyms consumer ↔ clinical phrases: each filed under the subject its rule maps it to
     */
    public static FocusGazetteer build(Collection<String> topics, NutrientLexicon lexicon, SynonymCoverage synonyms,
                                       QuestionWords words) {
        Map<String, String> canonical = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Set<String> nutrientKeys = new HashSet<>();
        for (Nutrient n : lexicon.nutrients()) {
            String main = key(words.terms(n.label()));
            if (main.isEmpty()) {
                continue;
            }
            nutrientKeys.add(main);
            labels.putIfAbsent(main, n.label());
            List<String> names = new ArrayList<>(n.aliases());
            names.addAll(n.clinical());
            names.add(n.label());
            for (String name : names) {
                String k = key(words.terms(name));
                if (!k.isEmpty()) {
                    canonical.putIfAbsent(k, main);
                }
            }
        }
        for (Map.Entry<List<String>, List<List<String>>> e : synonyms.equivalents().entrySet()) {
            String to = key(e.getValue().getFirst());
            String from = key(e.getKey());
            if (!from.isEmpty() && !to.isEmpty()) {
                canonical.putIfAbsent(from, canonical.getOrDefault(to, to));
                canonical.putIfAbsent(to, to);
            }
        }
        Set<String> lexiconSubjects = new HashSet<>(canonical.values());
        for (String topic : topics) {
            for (Phrase p : phrases(topic, words)) {
                String k = key(p.terms());
                canonical.putIfAbsent(k, k);
                labels.putIfAbsent(canonical.get(k), p.surface());
            }
        }
        // A subject no topic names (a synonym's clinical phrase) is named as the synonym file writes it.
        synonyms.names().forEach((terms, name) -> {
            String k = canonical.get(key(terms));
            if (k != null) {
                labels.putIfAbsent(k, name);
            }
        });
        for (String k : new HashSet<>(canonical.values())) {
            labels.putIfAbsent(k, k);
        }
        return new FocusGazetteer(words, canonical, labels, nutrientKeys, lexiconSubjects);
    }

    /** A run of subject words of a topic: its analysed terms and the words as written. */
    private record Phrase(List<String> terms, String surface) {
    }

    /** The subject phrases of a topic: its runs of words between non-subject and generic words. */
    private static List<Phrase> phrases(String topic, QuestionWords words) {
        List<Phrase> out = new ArrayList<>();
        // " › " joins a heading to its parent's ("Role of Nutrients › Magnesium"): two subjects, not one.
        for (String segment : topic.split("[():;,/?!.\\[\\]›]| - ")) {
            List<String> terms = new ArrayList<>();
            List<String> surface = new ArrayList<>();
            List<String> joiners = new ArrayList<>();
            for (String word : QuestionWords.words(segment)) {
                if (JOINERS.contains(word)) {
                    if (!surface.isEmpty()) {
                        joiners.add(word);
                    }
                    continue;
                }
                if (QuestionWords.isGeneric(word) || NOT_A_SUBJECT.contains(word)) {
                    add(out, terms, surface);
                    terms = new ArrayList<>();
                    surface = new ArrayList<>();
                    joiners.clear();
                    continue;
                }
                List<String> t = words.terms(word);
                terms.addAll(t);
                if (!t.isEmpty()) {
                    surface.addAll(joiners);
                    surface.add(word);
                    joiners.clear();
                }
            }
            add(out, terms, surface);
        }
        return out;
    }

    /**
     * Files a run of subject words unless it is too long to be a name or a lone letter ("E. coli" cut at
     * its full stop leaves "E", which would read "e-mail" as a subject).
     */
    private static void add(List<Phrase> out, List<String> terms, List<String> surface) {
        boolean letter = terms.size() == 1 && terms.getFirst().length() < 2;
        if (!terms.isEmpty() && terms.size() <= MAX_TERMS && !letter) {
            out.add(new Phrase(List.copyOf(terms), String.join(" ", surface)));
        }
    }

    private static String key(List<String> terms) {
        return String.join(" ", terms);
    }

    /** How many subject phrases the gazetteer knows. */
    public int size() {
        return canonical.size();
    }

    /** How the corpus writes the subject of a canonical key. */
    public String label(String key) {
        return labels.getOrDefault(key, key);
    }

    /**
     * The analysed terms of a text as the gazetteer reads them: generic words dropped, and each term of
     * {@value #MIN_CORRECTED_LENGTH}+ letters that is neither a filed term nor in {@code corpusTerms} (the
     * words some unit uses) replaced by the filed term nearest in spelling; a term typed as a common
     * English word ({@link EnglishWords}) only where the correction completes a filed phrase.
     */
    public List<String> terms(String text, Set<String> corpusTerms) {
        return terms(text, corpusTerms, new HashMap<>());
    }

    /**
     * As {@link #terms(String, Set)}, each term's correction looked up in {@code corrections} first and
     * filed there: one question's places (subject line, asking sentences, the whole message) share their
     * words, and a correction scans the vocabulary.
     */
    public List<String> terms(String text, Set<String> corpusTerms, Map<String, String> corrections) {
        List<String> out = new ArrayList<>();
        List<Integer> englishUnknown = new ArrayList<>();
        for (String word : QuestionWords.words(text)) {
            if (QuestionWords.isGeneric(word)) {
                continue;
            }
            boolean subject = !NOT_A_SUBJECT.contains(word);
            boolean english = EnglishWords.contains(word);
            for (String t : words.terms(word)) {
                boolean unknown = subject && !corpusTerms.contains(t);
                if (unknown && english) {
                    englishUnknown.add(out.size());
                }
                out.add(unknown && !english ? corrections.computeIfAbsent(t, this::corrected) : t);
            }
        }
        for (int i : englishUnknown) {
            String correction = corrections.computeIfAbsent(out.get(i), this::corrected);
            if (!correction.equals(out.get(i)) && completesPhrase(out, i, correction)) {
                out.set(i, correction);
            }
        }
        return out;
    }

    /**
     * Whether {@code correction} in place of term {@code at} makes a filed phrase of two or more terms with
     * its neighbours. A common English word the corpus lacks is corrected only then: "hart attack" means
     * "heart attack", but "plain water" is not "pain water", nor "car tire" "car time".
     */
    private boolean completesPhrase(List<String> terms, int at, String correction) {
        for (int len = 2; len <= MAX_TERMS; len++) {
            for (int start = Math.max(0, at - len + 1); start <= at && start + len <= terms.size(); start++) {
                List<String> window = new ArrayList<>(terms.subList(start, start + len));
                window.set(at - start, correction);
                if (canonical.containsKey(key(window))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every subject the text names: longest phrases first, left to right, not overlapping. */
    public List<Focus> subjects(String text) {
        return subjects(terms(text, Set.of()));
    }

    /** Every subject in analysed terms (as {@link #terms} makes them). */
    public List<Focus> subjects(List<String> terms) {
        List<Focus> out = new ArrayList<>();
        int i = 0;
        while (i < terms.size()) {
            Focus found = null;
            for (int len = Math.min(MAX_TERMS, terms.size() - i); len >= 1 && found == null; len--) {
                String k = key(terms.subList(i, i + len));
                String c = canonical.get(k);
                if (c != null) {
                    found = new Focus(c, label(c), i, i + len);
                }
            }
            if (found != null) {
                out.add(found);
                i = found.end();
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * The subject a question asks about: of those it names, the longest; between equals a nutrient (on a
     * nutrition portal "potassium pills without asking a doctor" asks about potassium), then the last
     * (people ask "what are the symptoms of X"), unless {@code preferFirst} (a message that opens with its
     * subject).
     */
    public Optional<Focus> focusOf(List<Focus> subjects, boolean preferFirst) {
        return focusOf(subjects, preferFirst, f -> 0);
    }

    /**
     * As {@link #focusOf(List, boolean)}, but between equals that are not nutrients a subject of the
     * lexicon or the synonym file first ("leg cramps" before "see a doctor"), then the more specific (a
     * higher {@code specificity}, e.g. the rarer words: "achalasia" before "assist"), then by position.
     */
    public Optional<Focus> focusOf(List<Focus> subjects, boolean preferFirst, ToDoubleFunction<Focus> specificity) {
        Comparator<Focus> order = Comparator.comparingInt(Focus::length)
                .thenComparing(f -> nutrients.contains(f.key()))
                .thenComparing(f -> lexiconSubjects.contains(f.key()))
                .thenComparingDouble(specificity);
        order = preferFirst ? order.thenComparing(Focus::start, Comparator.reverseOrder())
                : order.thenComparingInt(Focus::start);
        return subjects.stream().max(order);
    }

    /**
     * Whether the subject is one the nutrient lexicon or the synonym file names (a nutrient, "leg cramps",
     * "restless legs syndrome"): the portal's own subjects, however often its units mention them.
     */
    public boolean isLexiconSubject(String key) {
        return lexiconSubjects.contains(key);
    }

    /**
     * The portal's own subjects (nutrients, synonym-file subjects) a text names anywhere, also inside a
     * longer name: "Potassium's Role in Nerve Signals" is filed as a subject of its own, and it is about
     * potassium too.
     */
    public Set<String> lexiconKeys(String text) {
        return lexiconKeys(terms(text, Set.of()));
    }

    /**
     * As {@link #lexiconKeys(String)}, in terms already analysed (a unit's text, read without spelling
     * corrections: an article's words are as it writes them).
     */
    public Set<String> lexiconKeys(List<String> terms) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            Integer longest = lexiconStarts.get(terms.get(i));
            if (longest == null) {
                continue;
            }
            for (int len = 1; len <= Math.min(longest, terms.size() - i); len++) {
                String c = canonical.get(key(terms.subList(i, i + len)));
                if (c != null && lexiconSubjects.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The canonical keys of every subject a text (a unit's title, heading or question) names. */
    public Set<String> keys(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Focus f : subjects(text)) {
            out.add(f.key());
        }
        return out;
    }

    /**
     * A known term as it is, else the known term one edit away (two from 8 letters, three from 10:
     * "mediterean"), else the term.
     */
    String corrected(String term) {
        if (vocabulary.containsKey(term) || term.length() < MIN_CORRECTED_LENGTH) {
            return term;
        }
        int max = term.length() >= 10 ? 3 : term.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = max + 1;
        int bestCount = 0;
        for (int len = term.length() - max; len <= term.length() + max; len++) {
            for (String known : byLength.getOrDefault(len, List.of())) {
                int d = distance(term, known, max);
                int count = vocabulary.get(known);
                if (d < bestDistance || (d == bestDistance && d <= max && count > bestCount)) {
                    best = known;
                    bestDistance = d;
                    bestCount = count;
                }
            }
        }
        return best != null && bestDistance <= max ? best : term;
    }

    /** Levenshtein distance of two strings, or {@code max + 1} as soon as it must exceed {@code max}. */
    static int distance(String a, String b, int max) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
