package org.nutrisearch.nutrients;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the nutrients named in a text, with character offsets, for indexing units and highlighting
 * snippets. Immutable and thread-safe; one instance serves every thread. A scan is linear in the
 * length of the text (tries, no regular expressions).
 *
 * <p>What counts as a mention:
 * <ul>
 *   <li>A name of the lexicon (label, alias or clinical word), case-insensitive, as whole words:
 *       "iron" is not found in "environment", "B1" not in "B12". Hyphens are word boundaries
 *       ("magnesium-rich" mentions magnesium) and, inside a name, equal to spaces ("B-vitamins").
 *   <li>The longest name wins, and mentions never overlap: "vitamin D3" is one mention.
 *   <li>Letter codes. An alias "vitamin X" gives the nutrient the letter code X (D, K, C, B, B12...).
 *       A code alone is not a mention ("grade D"); it is one in two coordinated forms:
 *       <ol>
 *         <li>after the word "vitamin" or "vitamins": "vitamins D, K2, B1, and B12" is four mentions.
 *             The first span includes the head word ("vitamins D"), because "D" alone does not name
 *             anything; the following spans are the codes alone ("K2", "B1", "B12").
 *             Items are joined by ",", "and", "or", "&amp;", "/" or ", and".</li>
 *         <li>inside parentheses that hold nothing but a list of nutrients and codes, at least one of
 *             them a real name: "fatigue (B12, D)" and "(D, Potassium)" each mention vitamin D, while
 *             "(D)" alone does not.</li>
 *       </ol>
 *       A one-letter code must be written in upper case ("vitamins D", not "vitamins d"), so a future
 *       "vitamin A" entry cannot turn every article "a" after a vitamin list into a mention.
 * </ul>
 */
public final class NutrientTagger {

    /** "vitamin X" where X is a code: a letter, optionally followed by digits (with or without a hyphen). */
    private static final Pattern VITAMIN_CODE = Pattern.compile("vitamin ([a-z](?: ?[0-9]+)?)");

    private static final String[] HEAD_WORDS = {"vitamins", "vitamin"};

    /** Whitespace accepted around list separators; bounded so a failed list attempt stays cheap. */
    private static final int MAX_SPACES = 3;

    private final NutrientLexicon lexicon;
    private final SurfaceTrie names;
    private final SurfaceTrie codes;

    public NutrientTagger(NutrientLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        SurfaceTrie.Builder nameTrie = new SurfaceTrie.Builder();
        SurfaceTrie.Builder codeTrie = new SurfaceTrie.Builder();
        for (Nutrient n : lexicon.nutrients()) {
            nameTrie.add(SurfaceForms.normalize(n.label()), n.id());
            for (String alias : n.aliases()) {
                String normalized = SurfaceForms.normalize(alias);
                nameTrie.add(normalized, n.id());
                Matcher code = VITAMIN_CODE.matcher(normalized);
                if (code.matches()) {
                    codeTrie.add(code.group(1), n.id());
                }
            }
            for (String word : n.clinical()) {
                nameTrie.add(SurfaceForms.normalize(word), n.id());
            }
        }
        this.names = nameTrie.build();
        this.codes = codeTrie.build();
    }

    /** The lexicon this tagger recognizes. */
    public NutrientLexicon lexicon() {
        return lexicon;
    }

    /**
     * Every nutrient mention in {@code text}, sorted by start (then end), non-overlapping; offsets are
     * into {@code text} (start inclusive, end exclusive). Empty for an empty text.
     */
    public List<NutrientMention> tag(String text) {
        Objects.requireNonNull(text, "text");
        List<NutrientMention> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '(') {
                int after = tagParenthesizedList(text, i, out);
                i = after > 0 ? after : i + 1;
                continue;
            }
            if (!SurfaceForms.isWordChar(c)) {
                i++;
                continue;
            }
            // i is the start of a word: the previous character is not a word character.
            int end = tagAtWord(text, i, out);
            i = end > i ? end : endOfWord(text, i);
        }
        return out;
    }

    /** The distinct nutrient ids mentioned in {@code text}, in order of first mention. */
    public List<String> nutrientIds(String text) {
        Set<String> ids = new LinkedHashSet<>();
        for (NutrientMention m : tag(text)) {
            ids.add(m.nutrientId());
        }
        return List.copyOf(ids);
    }

    /** Tags what starts at word {@code start}; returns where scanning resumes, or -1 when nothing matched. */
    private int tagAtWord(String text, int start, List<NutrientMention> out) {
        SurfaceTrie.Match name = names.longest(text, start);
        int headEnd = headWordEnd(text, start);
        if (headEnd > 0) {
            int codeStart = skipGap(text, headEnd);
            SurfaceTrie.Match code = codeStart > headEnd ? codeAt(text, codeStart) : null;
            if (code != null && (name == null || code.end() >= name.end())) {
                out.add(new NutrientMention(start, code.end(), code.id()));
                return continueVitaminList(text, code.end(), out);
            }
        }
        if (name != null) {
            out.add(new NutrientMention(name.start(), name.end(), name.id()));
            return name.end();
        }
        return -1;
    }

    /** After "vitamins D": tags ", K2, B1, and B12" and returns where the list ends. */
    private int continueVitaminList(String text, int pos, List<NutrientMention> out) {
        while (true) {
            int itemStart = skipSeparator(text, pos);
            if (itemStart < 0) {
                return pos;
            }
            SurfaceTrie.Match code = codeAt(text, itemStart);
            if (code == null) {
                return pos;
            }
            SurfaceTrie.Match name = names.longest(text, itemStart);
            if (name != null && name.end() > code.end()) {
                // "vitamin D and B vitamins": the longer name wins, and it is no longer a list of codes.
                out.add(new NutrientMention(name.start(), name.end(), name.id()));
                return name.end();
            }
            out.add(new NutrientMention(code.start(), code.end(), code.id()));
            pos = code.end();
        }
    }

    /**
     * Tags "(B12, D)" when the parentheses at {@code open} hold only a list of names and codes with at
     * least one real name. Returns the index after ")" or -1, in which case nothing was added.
     */
    private int tagParenthesizedList(String text, int open, List<NutrientMention> out) {
        int n = text.length();
        List<NutrientMention> items = new ArrayList<>();
        boolean anchored = false;
        int pos = skipSpaces(text, open + 1);
        while (true) {
            if (pos >= n || !SurfaceForms.isWordChar(text.charAt(pos))) {
                return -1;
            }
            SurfaceTrie.Match name = names.longest(text, pos);
            SurfaceTrie.Match code = codeAt(text, pos);
            SurfaceTrie.Match item;
            if (name != null && (code == null || name.end() >= code.end())) {
                item = name;
                anchored = true;
            } else if (code != null) {
                item = code;
            } else {
                return -1;
            }
            items.add(new NutrientMention(item.start(), item.end(), item.id()));
            int close = skipSpaces(text, item.end());
            if (close < n && text.charAt(close) == ')') {
                if (!anchored) {
                    return -1;
                }
                out.addAll(items);
                return close + 1;
            }
            pos = skipSeparator(text, item.end());
            if (pos < 0) {
                return -1;
            }
        }
    }

    /** A letter code at {@code pos} (a word start), or null; one-letter codes must be upper case. */
    private SurfaceTrie.Match codeAt(String text, int pos) {
        if (pos >= text.length() || !SurfaceForms.isWordChar(text.charAt(pos))) {
            return null;
        }
        SurfaceTrie.Match code = codes.longest(text, pos);
        if (code != null && code.length() == 1 && !Character.isUpperCase(text.charAt(pos))) {
            return null;
        }
        return code;
    }

    /** End of the head word "vitamin"/"vitamins" at {@code start}, or -1. */
    private static int headWordEnd(String text, int start) {
        // Asked at every word: only 'v' and 'V' compare equal to 'v' ignoring case.
        char first = text.charAt(start);
        if (first != 'v' && first != 'V') {
            return -1;
        }
        for (String head : HEAD_WORDS) {
            int end = start + head.length();
            if (text.regionMatches(true, start, head, 0, head.length())
                    && (end == text.length() || !SurfaceForms.isWordChar(text.charAt(end)))) {
                return end;
            }
        }
        return -1;
    }

    /**
     * Skips a list separator (",", "and", "or", "&amp;", "/", ", and", "and/or") with the spaces around it;
     * returns the start of the next item, or -1 when there is no separator at {@code pos}.
     */
    private static int skipSeparator(String text, int pos) {
        int n = text.length();
        int p = skipSpaces(text, pos);
        boolean separated = false;
        if (p < n && text.charAt(p) == ',') {
            separated = true;
            p = skipSpaces(text, p + 1);
        }
        int word = conjunctionEnd(text, p);
        if (word > 0) {
            separated = true;
            p = word;
            if (text.startsWith("/or", p)) {
                p += 3;
            }
        } else if (p < n && (text.charAt(p) == '&' || text.charAt(p) == '/')) {
            separated = true;
            p++;
        }
        return separated ? skipSpaces(text, p) : -1;
    }

    /** End of "and"/"or" as a whole word at {@code p}, or -1. */
    private static int conjunctionEnd(String text, int p) {
        for (String word : new String[] {"and", "or"}) {
            int end = p + word.length();
            if (text.regionMatches(true, p, word, 0, word.length())
                    && (end == text.length() || !SurfaceForms.isWordChar(text.charAt(end)))) {
                return end;
            }
        }
        return -1;
    }

    /** Skips at most {@link #MAX_SPACES} whitespace characters. */
    private static int skipSpaces(String text, int pos) {
        int p = pos;
        while (p < text.length() && p - pos < MAX_SPACES
                && (Character.isWhitespace(text.charAt(p)) || Character.isSpaceChar(text.charAt(p)))) {
            p++;
        }
        return p;
    }

    /** Skips the gap between a head word and its first code: spaces or hyphens, at most {@link SurfaceForms#MAX_GAP}. */
    private static int skipGap(String text, int pos) {
        int p = pos;
        while (p < text.length() && p - pos < SurfaceForms.MAX_GAP && SurfaceForms.isGapChar(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private static int endOfWord(String text, int pos) {
        int p = pos;
        while (p < text.length() && SurfaceForms.isWordChar(text.charAt(p))) {
            p++;
        }
        return p;
    }
}
