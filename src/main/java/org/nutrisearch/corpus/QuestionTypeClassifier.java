package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells what a question, an FAQ question or a heading asks about its subject, from the words that say
 * it ("symptoms", "what causes", "how to prevent", "how much … a day"). Rules in priority order, the
 * first that matches wins: specific asks (side effects, dosage, symptoms …) come before general ones,
 * and "what is" comes last, because "what are the symptoms of flu" asks for symptoms.
 */
public final class QuestionTypeClassifier {

    /**
     * One rule: its pattern, and words at least one of which a text must contain for the pattern to match
     * ({@link #anchorsOf}; null when they cannot be read off the pattern). Looking for a few words is far
     * cheaper than running a pattern that tries a word boundary at every position: most texts contain
     * none of most rules' words, and the pattern then need not run.
     */
    record Rule(QuestionType type, Pattern pattern, List<String> anchors) {

        /** Whether the pattern is found in the normalized text {@code t}. */
        boolean find(String t) {
            if (anchors != null) {
                boolean any = false;
                for (String anchor : anchors) {
                    if (t.contains(anchor)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return pattern.matcher(t).find();
        }
    }

    private static Rule rule(QuestionType type, String regex) {
        return new Rule(type, Pattern.compile(regex), anchorsOf(regex));
    }

    private static final List<Rule> RULES = List.of(
            rule(QuestionType.SIDE_EFFECTS, "\\bside[- ]?effects?\\b|\\badverse (effects?|reactions?)\\b"),
            rule(QuestionType.INTERACTIONS, "\\binteract\\w*|\\b(take|taking|combine|combining|mix|mixing)\\b.*\\b(with|together|alongside)\\b"),
            rule(QuestionType.GENETIC_CHANGES, "\\bgenetic (changes?|mutations?|causes?)\\b|\\bgenes?\\b|\\bmutations?\\b"),
            rule(QuestionType.INHERITANCE, "\\binherit\\w*|\\bhereditar\\w*|\\brun(s)? in (the |my |our )?famil\\w*|\\bpassed (down|on)\\b|\\bgenetic\\b"),
            rule(QuestionType.DOSAGE, "\\bhow much\\b|\\bdos(e|es|age|ing)\\b|\\bhow many (mg|milligrams?|mcg|micrograms?|iu|units?|tablets?|pills?|capsules?)\\b"
                    + "|\\bmg\\b|\\bmilligrams?\\b|\\bdaily (intake|amount|requirement|value|allowance)\\b|\\brecommended (daily|intake|amount)\\b"
                    + "|\\brda\\b|\\bupper limit\\b|\\btoo much\\b|\\boverdos\\w*"),
            rule(QuestionType.FREQUENCY, "\\bhow (many people|common|often does)\\b|\\bprevalen\\w*|\\bincidence\\b|\\bhow many (are|people|adults|children|women|men)\\b"),
            rule(QuestionType.SUSCEPTIBILITY, "\\bat risk\\b|\\brisk factors?\\b|\\bsusceptib\\w*|\\bmore likely to (get|develop|have)\\b|\\bwho (gets|can get|is likely)\\b"),
            rule(QuestionType.SYMPTOMS, "\\bsymptom\\w*|\\bsigns?\\b|\\bwhat does (.* )?feel like\\b|\\bhow (do|can|would) (i|you|we) know if\\b"),
            rule(QuestionType.CAUSES, "\\bcaus\\w*|\\bwhy\\b|\\breasons?\\b|\\btrigger\\w*|\\bleads? to\\b|\\bdue to\\b|\\bresults? from\\b|\\bwhere does (.* )?come from\\b"),
            rule(QuestionType.DIAGNOSIS, "\\bdiagnos\\w*|\\btest(s|ed|ing)?\\b|\\bexam(s|ination|inations)?\\b|\\bscreen(ing)?\\b|\\bdetect\\w*|\\bcheck(ed)? for\\b"),
            rule(QuestionType.PREVENTION, "\\bprevent\\w*|\\bavoid\\w*|\\b(reduce|lower|lowering|reducing) (the |my |your )?(risk|chances?)\\b|\\bprotect\\w*|\\bkeep\\b.*\\bfrom\\b"),
            rule(QuestionType.STAGES, "\\bstages?\\b|\\bphases?\\b"),
            rule(QuestionType.RESEARCH, "\\bresearch\\w*|\\bclinical trials?\\b|\\bstud(y|ies)\\b"),
            rule(QuestionType.SUPPORT, "\\bsupport groups?\\b|\\bwhere can (i|we) (find|get) (help|support)\\b"),
            rule(QuestionType.COMPLICATIONS, "\\bcomplicat\\w*|\\blong[- ]term effects?\\b|\\bdangerous\\b|\\bharmful\\b|\\bdamage\\b"),
            rule(QuestionType.TREATMENT, "\\btreat\\w*|\\bcur(e|es|ed|ing)\\b|\\btherap\\w*|\\bremed\\w*|\\bheal\\w*|\\bget rid of\\b|\\brelie(f|ve|ving)\\b"
                    + "|\\bmanag(e|ing|ement)\\b|\\bmedication\\w*|\\bmedicines?\\b|\\bdrugs?\\b|\\bsurgery\\b"
                    + "|\\bwhat (can|should|could|do) (i|we|you|he|she|they) do\\b|\\bhow (do|can|could|should) (i|we|you) (stop|fix|ease|deal with|handle)\\b"),
            rule(QuestionType.OUTLOOK, "\\boutlook\\b|\\bprognos\\w*|\\blife expectancy\\b|\\bsurviv\\w*|\\brecover\\w*|\\bgo away\\b|\\bhow long\\b|\\bfatal\\b|\\bpermanent\\b"),
            rule(QuestionType.FOOD_SOURCES, "\\bfoods?\\b|\\beat(ing|s)?\\b|\\bdiet\\w*|\\bsources? of\\b|\\brich in\\b|\\bhigh in\\b|\\bnutrition\\w*"),
            rule(QuestionType.CONSIDERATIONS, "\\bwhat to do for\\b|\\bliving with\\b|\\bcop(e|ing)\\b|\\blifestyle\\b"),
            rule(QuestionType.INFORMATION, "^\\W*(what|who) (is|are)\\b|\\bwhat (is|are) (a |an |the )?\\w+\\W*$|\\bwhat does (.* )?mean\\b|\\binformation\\b|\\boverview\\b"
                    + "|\\bdefin\\w*|\\btell me about\\b|\\bwhat do you know about\\b"));

    private QuestionTypeClassifier() {
    }

    /** The type {@code text} asks for first, or null when no rule says (a bare topic, a heading like "Magnesium"). */
    public static QuestionType classify(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // The first rule that matches: the same as classifyAll's first, whose "information" rule comes last.
        String t = normalized(text);
        for (Rule r : RULES) {
            if (r.find(t)) {
                return r.type();
            }
        }
        return null;
    }

    /**
     * Every type {@code text} asks for, in priority order ("what foods should I eat to prevent cramps"
     * asks for prevention and food sources); {@link QuestionType#INFORMATION} only when nothing more
     * specific is asked. Empty when no rule says.
     */
    public static Set<QuestionType> classifyAll(String text) {
        Set<QuestionType> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String t = normalized(text);
        for (Rule r : RULES) {
            if ((r.type() != QuestionType.INFORMATION || out.isEmpty()) && r.find(t)) {
                out.add(r.type());
            }
        }
        return out;
    }

    /** The rules in priority order (for tests that run their patterns directly). */
    static List<Rule> rules() {
        return RULES;
    }

    /**
     * Words one of which every match of {@code regex} contains, or null when some alternative does not say.
     * Each top-level alternative, after leading {@code \b}, {@code ^} and {@code \W*}, must begin with a
     * literal run of at least two characters (a character made optional by the quantifier after it is
     * left off) or with a group whose alternatives are such runs ("(take|taking|mix)"); any match of the
     * alternative then holds that run or one of those words.
     */
    static List<String> anchorsOf(String regex) {
        List<String> anchors = new ArrayList<>();
        for (String alternative : topLevelAlternatives(regex)) {
            String rest = alternative;
            boolean stripped = true;
            while (stripped) {
                stripped = false;
                for (String lead : new String[] {"\\b", "^", "\\W*"}) {
                    if (rest.startsWith(lead)) {
                        rest = rest.substring(lead.length());
                        stripped = true;
                    }
                }
            }
            if (rest.startsWith("(")) {
                int close = closingParenthesis(rest);
                if (close < 0 || rest.startsWith("(?") || isQuantifier(rest, close + 1)) {
                    return null;
                }
                for (String word : topLevelAlternatives(rest.substring(1, close))) {
                    String run = literalRun(word);
                    if (run == null || run.length() != word.length()) {
                        return null;
                    }
                    anchors.add(run);
                }
            } else {
                String run = literalRun(rest);
                if (run == null) {
                    return null;
                }
                anchors.add(run);
            }
        }
        return List.copyOf(anchors);
    }

    /** The literal characters {@code s} begins with (an optional last one left off), or null when fewer than two. */
    private static String literalRun(String s) {
        int end = 0;
        while (end < s.length() && isLiteral(s.charAt(end))) {
            end++;
        }
        if (end > 0 && isQuantifier(s, end) && s.charAt(end) != '+') {
            end--;
        }
        return end >= 2 ? s.substring(0, end) : null;
    }

    private static boolean isLiteral(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '\'' || c == '-';
    }

    private static boolean isQuantifier(String s, int at) {
        return at < s.length() && "?*+{".indexOf(s.charAt(at)) >= 0;
    }

    /** Index of the parenthesis closing the one at 0, or -1. */
    private static int closingParenthesis(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code regex} split at the {@code |} outside groups and character classes. */
    private static List<String> topLevelAlternatives(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return out;
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
