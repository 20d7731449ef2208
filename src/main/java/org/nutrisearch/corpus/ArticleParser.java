package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses one scraped article (plain text, as saved from the page) into an {@link Article}.
 *
 * <p>Navigation ("Skip to content", "3 min read", "In This Article"), reference stubs and the marker
 * lines of the page's fixed blocks are dropped; every other line lands in exactly one place: the title,
 * a section (heading or text), the summary, a key point, an FAQ entry, a table row, or the disclaimer.
 *
 * <p>The title is the first line when the page shows it as one: under "Skip to content", above the
 * reading time, or as a Markdown "# " heading. A page scraped without its title gets one derived from
 * its own text, in this order (see {@link #deriveTitle}): its first FAQ question, its first heading,
 * or its first line cut to about {@value #DERIVED_TITLE_CHARS} characters at a word boundary.
 *
 * <p>Stateless and thread-safe: one instance can parse any number of articles concurrently.
 */
public final class ArticleParser {

    /** Derived titles are cut to about this many characters. */
    static final int DERIVED_TITLE_CHARS = 80;
    /** A first line longer than this is a paragraph, not a title, even under "Skip to content". */
    private static final int MAX_TITLE_CHARS = 200;

    /**
     * Parses {@code text}. Never fails on content: text with nothing but navigation gives an article
     * titled by its id with no units.
     *
     * @param id     the article id (file name without extension)
     * @param source where the text came from, e.g. {@code corpus/x.txt}
     * @param text   the article text; line ends may be "\n", "\r\n" or "\r"
     */
    public Article parse(String id, String source, String text) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        List<String> lines = lines(text);
        String title = takeTitleLine(lines);
        List<Element> elements = new ElementReader().read(lines);
        ArticleAssembler.Parts parts = new ArticleAssembler().assemble(elements);
        if (title == null) {
            title = deriveTitle(id, parts, elements);
        }
        return new Article(id, title, source, parts.summary(), parts.keyPoints(), parts.sections(), parts.faqs(),
                parts.tables(), parts.disclaimer());
    }

    /** Splits on any line end, dropping a byte order mark, trailing spaces, and turning no-break spaces into spaces. */
    static List<String> lines(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = t.indexOf('\n', start);
            lines.add(t.substring(start, end < 0 ? t.length() : end).stripTrailing());
            if (end < 0) {
                return lines;
            }
            start = end + 1;
        }
    }

    /**
     * Removes and returns the title line when the page shows one: the first content line when it stands
     * under "Skip to content" or above a reading time ("4 min read"), or a leading Markdown "# " heading.
     */
    private static String takeTitleLine(List<String> lines) {
        boolean underSkipLink = false;
        int first = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (PageChrome.isSkipLink(line)) {
                underSkipLink = true;
                continue;
            }
            first = i;
            break;
        }
        if (first < 0) {
            return null;
        }
        String line = lines.get(first).strip();
        if (LineShapes.markdownLevel(line) == 1) {
            lines.remove(first);
            return LineShapes.markdownHeading(line);
        }
        boolean looksLikeTitle = line.length() <= MAX_TITLE_CHARS && !LineShapes.isBullet(line)
                && !LineShapes.isPipeRow(line) && PageChrome.marker(line) == null && !PageChrome.isNavigation(line);
        if (looksLikeTitle && (underSkipLink || readingTimeFollows(lines, first))) {
            lines.remove(first);
            return line;
        }
        return null;
    }

    private static boolean readingTimeFollows(List<String> lines, int index) {
        for (int i = index + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return PageChrome.isReadingTime(lines.get(i));
            }
        }
        return false;
    }

    /**
     * A title for a page scraped without one. First choice is the first FAQ question: these pages are
     * titled by the question they answer, and when the scrape lost the header that question reappears at
     * the top of the FAQ block (nighttime-leg-cramps-nutrients: "What vitamin deficiency causes nighttime
     * leg cramps?"), naming the whole article where a section heading names only one part of it.
     * Then the first heading; then the first line of text, shortened; then the id.
     */
    static String deriveTitle(String id, ArticleAssembler.Parts parts, List<Element> elements) {
        for (FaqEntry faq : parts.faqs()) {
            if (faq.question() != null && !faq.question().isBlank()) {
                return faq.question();
            }
        }
        for (Element e : elements) {
            if (e instanceof Element.Heading h) {
                return h.text();
            }
        }
        for (Element e : elements) {
            if (e instanceof Element.Paragraph p) {
                return shorten(LineShapes.stripBullet(p.lines().get(0)));
            }
            if (e instanceof Element.TableBlock t) {
                return shorten(t.header());
            }
        }
        return id;
    }

    /** The text cut to about {@value #DERIVED_TITLE_CHARS} characters at a word boundary, with "…" when cut. */
    static String shorten(String text) {
        String s = text.strip();
        if (s.length() <= DERIVED_TITLE_CHARS) {
            return s;
        }
        int cut = s.lastIndexOf(' ', DERIVED_TITLE_CHARS);
        if (cut < DERIVED_TITLE_CHARS / 2) {
            cut = DERIVED_TITLE_CHARS;
            if (Character.isHighSurrogate(s.charAt(cut - 1))) {
                cut--;
            }
        }
        return s.substring(0, cut).strip() + "…";
    }
}
