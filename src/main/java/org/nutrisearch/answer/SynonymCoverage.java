package org.nutrisearch.answer;

import org.nutrisearch.index.TextAnalyzers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nutrisearch.search.query.QuestionWords;

/**
 * Lets a unit cover a question's words when it says the same thing another way ("low magnesium" in the
 * question, "magnesium deficiency" in the answer), using the consumer/clinical synonym file of the
 * nutrients package (Solr format: {@code a, b, c} are equivalent, {@code a => b, c} maps a to b and c).
 * Immutable and thread-safe.
 */
public final class SynonymCoverage {

    /** The synonym file on the classpath. */
    public static final String RESOURCE = TextAnalyzers.SYNONYMS_RESOURCE;
    /** Covers nothing: for backends and tests that do without synonyms. */
    public static final SynonymCoverage NONE = new SynonymCoverage(List.of());

    /**
     * The comment line after which the file's rules join forms of one word ("calf, calves"): they cover
     * words like every rule, but name no subject ({@link #equivalents}, {@link #names}).
     */
    public static final String WORD_FORMS = "# @word-forms";

    /**
     * Phrases (as analysed term lists) the question may say, and the phrases a unit may say instead;
     * {@code written} the phrases of {@code to} as the file writes them, in its order; {@code subject}
     * false for a rule of word forms.
     */
    private record Rule(List<List<String>> from, List<List<String>> to, List<String> written, boolean subject) {
    }

    private final List<Rule> rules;

    private SynonymCoverage(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The synonyms of {@link #RESOURCE}, analysed like questions and units. */
    public static SynonymCoverage loadDefault(QuestionWords words) {
        try (InputStream in = SynonymCoverage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses rules in Solr format; comments ({@code #}) and blank lines are skipped, and the rules after
     * {@link #WORD_FORMS} name no subject.
     */
    public static SynonymCoverage parse(Reader reader, QuestionWords words) throws IOException {
        List<Rule> rules = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        boolean subjects = true;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String s = line.strip();
            if (s.equals(WORD_FORMS)) {
                subjects = false;
            }
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            int arrow = s.indexOf("=>");
            List<List<String>> left = phrases(arrow < 0 ? s : s.substring(0, arrow), words);
            String rightText = arrow < 0 ? s : s.substring(arrow + 2);
            List<List<String>> right = phrases(rightText, words);
            if (!left.isEmpty() && !right.isEmpty()) {
                rules.add(new Rule(left, right, written(rightText, words), subjects));
            }
        }
        return new SynonymCoverage(rules);
    }

    private static List<List<String>> phrases(String list, QuestionWords words) {
        List<List<String>> out = new ArrayList<>();
        for (String phrase : list.split(",")) {
            List<String> terms = words.terms(phrase.strip());
            if (!terms.isEmpty() && !out.contains(terms)) {
                out.add(terms);
            }
        }
        return out;
    }

    /** The phrases of a list that analyse to some terms, as written (trimmed, lower case), first of each kind. */
    private static List<String> written(String list, QuestionWords words) {
        List<String> out = new ArrayList<>();
        List<List<String>> seen = new ArrayList<>();
        for (String phrase : list.split(",")) {
            List<String> terms = words.terms(phrase.strip());
            if (!terms.isEmpty() && !seen.contains(terms)) {
                seen.add(terms);
                out.add(phrase.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * The question terms a unit covers through a synonym: those of every phrase the question says (its
     * terms in a row) for which the unit contains all terms of another phrase of the same rule.
     *
     * @param question the question's analysed terms, in order
     * @param unit     the analysed terms of the unit (or of one passage of it)
     */
    public Set<String> covered(List<String> question, Set<String> unit) {
        Set<String> covered = new HashSet<>();
        for (Rule rule : rules) {
            for (List<String> said : rule.from()) {
                if (covered.containsAll(said) || !inOrder(question, said)) {
                    continue;
                }
                for (List<String> other : rule.to()) {
                    if (!other.equals(said) && unit.containsAll(other)) {
                        covered.addAll(said);
                        break;
                    }
                }
            }
        }
        return covered;
    }

    /**
     * For each rule that names a subject, the analysed phrases a text may say and the phrases that mean the same: the
     * focus gazetteer files a consumer's words ("charley horse") under the clinical topic they name.
     */
    public Map<List<String>, List<List<String>>> equivalents() {
        Map<List<String>, List<List<String>>> out = new LinkedHashMap<>();
        for (Rule rule : subjectRules()) {
            for (List<String> said : rule.from()) {
                out.computeIfAbsent(said, k -> new ArrayList<>()).addAll(rule.to());
            }
        }
        return out;
    }

    /**
     * A readable name for each rule's subject, keyed by its first phrase as analysed (the subject the
     * focus gazetteer files the rule under): the first phrase as written that is more than an
     * abbreviation ("restless legs syndrome" for "rls, restless legs syndrome, …"), else the first.
     */
    public Map<List<String>, String> names() {
        Map<List<String>, String> out = new LinkedHashMap<>();
        for (Rule rule : subjectRules()) {
            String name = rule.written().stream().filter(w -> w.contains(" ") || w.length() > ABBREVIATION)
                    .findFirst().orElse(rule.written().getFirst());
            out.putIfAbsent(rule.to().getFirst(), name);
        }
        return out;
    }

    /** The rules that name a subject: every rule but those of word forms. */
    private List<Rule> subjectRules() {
        return rules.stream().filter(Rule::subject).toList();
    }

    /** The longest single word read as an abbreviation when naming a subject ("rls", "ibs"). */
    private static final int ABBREVIATION = 4;

    /** Whether {@code phrase} occurs in {@code terms} as consecutive terms. */
    private static boolean inOrder(List<String> terms, List<String> phrase) {
        return Collections.indexOfSubList(terms, phrase) >= 0;
    }
}
