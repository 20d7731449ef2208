package org.nutrisearch.corpus;

import java.util.List;

/** One structural piece of an article's body, in file order: what {@link ElementReader} makes of the lines. */
sealed interface Element {

    /** A heading line; {@code question} when it asks one (the FAQ layout without a marker uses those). */
    record Heading(String text, boolean question) implements Element {
    }

    /** A paragraph: one line, or several lines kept as lines (bullets, a block without blank lines). */
    record Paragraph(List<String> lines) implements Element {
        public Paragraph {
            lines = List.copyOf(lines);
        }

        /** The paragraph as text, its lines joined by "\n". */
        String text() {
            return String.join("\n", lines);
        }

        /** True when every line is a bullet: a list that continues what stood before it. */
        boolean bulletsOnly() {
            return lines.stream().allMatch(LineShapes::isBullet);
        }
    }

    /** A table; the heading it stands under is known only when the article is assembled. */
    record TableBlock(String header, List<String> columns, List<TableRow> rows) implements Element {
        public TableBlock {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        Table under(String heading) {
            return new Table(heading, header, columns, rows);
        }
    }

    /** A marker line opening one of the page's fixed blocks. */
    record Marker(PageChrome.Marker kind) implements Element {
    }
}
