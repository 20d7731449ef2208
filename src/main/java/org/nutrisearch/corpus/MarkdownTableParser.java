package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a Markdown pipe table ("| a | b |", a "|---|---|" separator, then rows) into columns and rows. */
final class MarkdownTableParser {

    private static final Pattern SEPARATOR_CELL = Pattern.compile(":?-{1,}:?");

    private MarkdownTableParser() {
    }

    /** The table, or empty when the lines are not a table with at least one body row. */
    static Optional<Element.TableBlock> parse(List<String> lines) {
        if (lines.size() < 2) {
            return Optional.empty();
        }
        List<String> columns = cells(lines.get(0));
        int bodyStart = isSeparator(lines.get(1)) ? 2 : 1;
        List<TableRow> rows = new ArrayList<>();
        for (String line : lines.subList(bodyStart, lines.size())) {
            if (isSeparator(line)) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.stream().noneMatch(MarkdownTableParser::hasWord)) {
                // Empty cells ("| |") or punctuation only ("| . | |") say nothing: no unit with empty or
                // label-only text (both found by fuzzing).
                continue;
            }
            rows.add(new TableRow(cells, TableRowFormatter.text(columns, cells)));
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Element.TableBlock(String.join(" | ", columns), columns, rows));
    }

    private static boolean hasWord(String cell) {
        return cell.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** True for a "|---|:---:|" line, which only draws the table. */
    static boolean isSeparator(String line) {
        List<String> cells = cells(line);
        return !cells.isEmpty() && cells.stream().allMatch(c -> SEPARATOR_CELL.matcher(c).matches());
    }

    static List<String> cells(String line) {
        String s = line.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|") && !s.endsWith("\\|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
