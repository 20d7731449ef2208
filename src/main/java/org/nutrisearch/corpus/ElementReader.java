package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an article's lines into {@link Element}s: headings, paragraphs, tables and marker lines, with
 * navigation and reference stubs dropped.
 *
 * <p>Pages come in two layouts. Most put a blank line between paragraphs; there a block of lines
 * without blank lines is a bullet list or a flattened table. Some have no blank lines at all
 * ("dense"); there every line is its own paragraph, and only bullets and Markdown table rows group.
 *
 * <p>A heading-shaped line (see {@link LineShapes#isHeadingShaped}) only counts as a heading when
 * something follows it before the next marker line or the end; otherwise it is kept as a paragraph.
 */
final class ElementReader {

    /** Below this share of paragraph breaks made by blank lines, a page is read as dense. */
    private static final double DENSE_BELOW = 0.2;

    private enum Kind { BLANK, DROPPED, MARKER, MARKDOWN_HEADING, PIPE, BULLET, TEXT }

    private record Line(Kind kind, String text, PageChrome.Marker marker) {
    }

    List<Element> read(List<String> rawLines) {
        List<Line> lines = new ArrayList<>(rawLines.size());
        for (String raw : rawLines) {
            lines.add(classify(raw));
        }
        boolean dense = isDense(lines);
        List<Element> elements = new ArrayList<>();
        for (List<Line> block : blocks(lines, dense)) {
            addElements(block, dense, elements);
        }
        return confirmHeadings(elements);
    }

    private static Line classify(String raw) {
        if (raw.isBlank()) {
            return new Line(Kind.BLANK, "", null);
        }
        String text = raw.strip();
        if (PageChrome.isNavigation(text) || PageChrome.isReferenceStub(text)) {
            return new Line(Kind.DROPPED, text, null);
        }
        PageChrome.Marker marker = PageChrome.marker(text);
        if (marker != null) {
            return new Line(Kind.MARKER, text, marker);
        }
        String heading = LineShapes.markdownHeading(text);
        if (heading != null) {
            return new Line(Kind.MARKDOWN_HEADING, heading, null);
        }
        if (LineShapes.isPipeRow(text)) {
            return new Line(Kind.PIPE, text, null);
        }
        return new Line(LineShapes.isBullet(text) ? Kind.BULLET : Kind.TEXT, text, null);
    }

    /** Dense when few content lines are followed by a blank line before the next content line. */
    private static boolean isDense(List<Line> lines) {
        int content = 0;
        int blankBreaks = 0;
        boolean blankSincePrevious = false;
        for (Line line : lines) {
            if (line.kind == Kind.BLANK) {
                blankSincePrevious = true;
            } else {
                if (content > 0 && blankSincePrevious) {
                    blankBreaks++;
                }
                content++;
                blankSincePrevious = false;
            }
        }
        return content > 1 && blankBreaks < DENSE_BELOW * (content - 1);
    }

    private static List<List<Line>> blocks(List<Line> lines, boolean dense) {
        List<List<Line>> blocks = new ArrayList<>();
        List<Line> block = new ArrayList<>();
        for (Line line : lines) {
            switch (line.kind) {
                case BLANK, DROPPED -> block = flush(blocks, block);
                case MARKER, MARKDOWN_HEADING -> {
                    block = flush(blocks, block);
                    blocks.add(List.of(line));
                }
                default -> {
                    Kind open = block.isEmpty() ? null : block.get(0).kind;
                    boolean pipeChange = open != null && (open == Kind.PIPE) != (line.kind == Kind.PIPE);
                    boolean denseBreak = dense && (line.kind == Kind.TEXT || open != line.kind);
                    if (pipeChange || denseBreak) {
                        block = flush(blocks, block);
                    }
                    block.add(line);
                }
            }
        }
        flush(blocks, block);
        return blocks;
    }

    private static List<Line> flush(List<List<Line>> blocks, List<Line> block) {
        if (!block.isEmpty()) {
            blocks.add(block);
        }
        return new ArrayList<>();
    }

    private static void addElements(List<Line> block, boolean dense, List<Element> out) {
        Line first = block.get(0);
        List<String> texts = block.stream().map(Line::text).toList();
        switch (first.kind) {
            case MARKER -> out.add(new Element.Marker(first.marker));
            case MARKDOWN_HEADING -> out.add(heading(first.text));
            case PIPE -> out.add(MarkdownTableParser.parse(texts)
                    .<Element>map(t -> t)
                    .orElseGet(() -> new Element.Paragraph(texts)));
            default -> addText(block, texts, dense, out);
        }
    }

    private static void addText(List<Line> block, List<String> texts, boolean dense, List<Element> out) {
        boolean firstIsText = block.get(0).kind == Kind.TEXT;
        if (texts.size() == 1) {
            out.add(firstIsText && LineShapes.isHeadingShaped(texts.get(0))
                    ? heading(texts.get(0)) : new Element.Paragraph(texts));
            return;
        }
        boolean allText = block.stream().allMatch(l -> l.kind == Kind.TEXT);
        if (!dense && allText && texts.size() >= 3) {
            Optional<Element.TableBlock> table = flatTable(texts);
            if (table.isPresent()) {
                out.add(table.get());
                return;
            }
        }
        String second = texts.get(1);
        if (firstIsText && LineShapes.isHeadingShaped(texts.get(0))
                && (LineShapes.isBullet(second) || LineShapes.startsWithCapital(second))) {
            out.add(heading(texts.get(0)));
            out.add(new Element.Paragraph(texts.subList(1, texts.size())));
            return;
        }
        out.add(new Element.Paragraph(texts));
    }

    /**
     * A block of a header and two or more rows, each starting with a capital, is a flattened table when
     * its cells can be recovered, or else when no row ends like a sentence (prose lines do).
     */
    private static Optional<Element.TableBlock> flatTable(List<String> texts) {
        String header = texts.get(0);
        List<String> rows = texts.subList(1, texts.size());
        if (!LineShapes.isHeadingShaped(header) || header.endsWith("?")
                || !rows.stream().allMatch(LineShapes::startsWithCapital)) {
            return Optional.empty();
        }
        Optional<FlatTableSplitter.Split> split = FlatTableSplitter.split(header, rows);
        if (split.isPresent()) {
            List<String> columns = split.get().columns();
            List<TableRow> tableRows = split.get().rows().stream()
                    .map(cells -> new TableRow(cells, TableRowFormatter.text(columns, cells)))
                    .toList();
            return Optional.of(new Element.TableBlock(header, columns, tableRows));
        }
        boolean prose = rows.stream().anyMatch(r -> ".!?".indexOf(r.charAt(r.length() - 1)) >= 0);
        if (prose) {
            return Optional.empty();
        }
        List<TableRow> tableRows = rows.stream().map(r -> new TableRow(List.of(), r)).toList();
        return Optional.of(new Element.TableBlock(header, List.of(), tableRows));
    }

    private static Element.Heading heading(String text) {
        return new Element.Heading(text, text.endsWith("?"));
    }

    /**
     * Keeps a heading only when something follows it before the next marker line or the end: body text,
     * a table, or another heading (which is either a heading in turn, or kept as text because nothing
     * follows it). A heading-shaped line with nothing under it is kept as a paragraph.
     */
    private static List<Element> confirmHeadings(List<Element> elements) {
        List<Element> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            boolean followed = i + 1 < elements.size() && !(elements.get(i + 1) instanceof Element.Marker);
            out.add(e instanceof Element.Heading h && !followed ? new Element.Paragraph(List.of(h.text())) : e);
        }
        return out;
    }
}
