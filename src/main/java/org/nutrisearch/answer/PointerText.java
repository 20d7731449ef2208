package org.nutrisearch.answer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How much of a unit only points elsewhere: lists of resources ("These resources address the diagnosis
 * or management of asthma: - Genetic Testing Registry: Asthma - MedlinePlus Encyclopedia: …"), links,
 * "for more information, visit …". Such a unit answers nothing itself, whatever words it shares with
 * the question.
 */
public final class PointerText {

    /** Sentences, list items and lines: a pointer list is read item by item, prose sentence by sentence. */
    private static final Pattern ITEMS = Pattern.compile("\\n+|\\s+-\\s+|\\s+•\\s+|(?<=[.!?])\\s+(?=[A-Z])");
    /** A link, a web address, or a phrase that sends the reader elsewhere. */
    private static final Pattern POINTS = Pattern.compile(
            "https?://|www\\.|\\b[\\w-]+\\.(gov|org|com|edu|net)\\b|\\bthese resources\\b|\\bresources from\\b"
                    + "|\\boffers? information about\\b|\\bprovides? information about\\b|\\bfor more information\\b"
                    + "|\\b(you can|please) (visit|contact|call|see)\\b|\\bvisit the\\b|\\bsee the\\b|\\bclick\\b",
            Pattern.CASE_INSENSITIVE);
    /** "Source: Page title" where the source is an organisation or reference work: a citation, not an answer. */
    private static final Pattern CITATION = Pattern.compile("^[A-Z][^:.?!]{0,80}\\b(Registry|Encyclopedia|Hospital|Clinic|"
            + "Institute|Foundation|Association|Society|Center|Centre|University|MedlinePlus|NIH|CDC|Library|Network|"
            + "Alliance|Organization|Organisation|Academy|College|Council|Database|Reviews?|Program)\\b[^:.?!]{0,40}: "
            + "[^.?!]{1,120}$");

    /**
     * Lower-case words without which no item can point elsewhere ({@link #POINTS} needs one of the first,
     * a {@link #CITATION} one of the rest): a text holding none is read without running the patterns,
     * which is most answers.
     */
    private static final List<String> CUES = List.of("http", "www.", ".gov", ".org", ".com", ".edu", ".net",
            "resources", "information about", "for more information", "visit", "contact", "call", "see the",
            "click", ": ");
    /**
     * Lower-case words one of which every item {@link #POINTS} finds holds: an item without any is not
     * matched against the pattern (most items of a long answer), which gives the same share at a fraction
     * of the cost.
     */
    private static final List<String> POINT_CUES = List.of("http", "www.", ".gov", ".org", ".com", ".edu", ".net",
            "resources", "information about", "for more information", "visit", "contact", "call", "see", "click");
    /** The longest item read as a citation: one source and one page title. */
    private static final int MAX_CITATION = 250;

    private PointerText() {
    }

    /** The share of the text's characters (0..1) in items that only point elsewhere. */
    public static double share(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (CUES.stream().noneMatch(lower::contains)) {
            return 0;
        }
        int total = 0;
        int pointing = 0;
        for (String item : ITEMS.split(text.strip())) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            total += s.length();
            boolean citation = s.length() <= MAX_CITATION && s.contains(": ") && CITATION.matcher(s).matches();
            if (citation || mayPoint(s) && POINTS.matcher(s).find()) {
                pointing += s.length();
            }
        }
        return total == 0 ? 0 : (double) pointing / total;
    }

    private static boolean mayPoint(String item) {
        String lower = item.toLowerCase(Locale.ROOT);
        for (String cue : POINT_CUES) {
            if (lower.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
