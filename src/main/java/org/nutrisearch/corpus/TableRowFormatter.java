package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a table row readable on its own, for search results that show one row without its table:
 * {@code "Nutrient: Magnesium — Primary Role in Muscles: Relaxation of muscle fibers and nerve function.
 * Symptoms of Deficiency: Muscle cramps, spasms, and tightness. ..."}: the label cell, then each further
 * cell after its column name, ended like a sentence (cells may hold ';' and ',' themselves).
 * Every word of the row and of the column names is kept.
 */
final class TableRowFormatter {

    private TableRowFormatter() {
    }

    static String text(List<String> columns, List<String> cells) {
        if (cells.isEmpty()) {
            return "";
        }
        String first = labelled(column(columns, 0), withoutFinalPeriod(cells.get(0).strip()));
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < cells.size(); i++) {
            String cell = cells.get(i).strip();
            if (!cell.isEmpty()) {
                rest.add(labelled(column(columns, i), asSentence(cell)));
            }
        }
        return rest.isEmpty() ? first : first + " — " + String.join(" ", rest);
    }

    private static String column(List<String> columns, int i) {
        return i < columns.size() ? columns.get(i).strip() : "";
    }

    private static String labelled(String column, String value) {
        return column.isEmpty() ? value : column + ": " + value;
    }

    private static String asSentence(String s) {
        char last = s.charAt(s.length() - 1);
        return ".!?".indexOf(last) >= 0 ? s : s + ".";
    }

    // The label is followed by " — ", so its own final period would read as a stray full stop.
    private static String withoutFinalPeriod(String s) {
        return s.endsWith(".") && !s.endsWith("..") ? s.substring(0, s.length() - 1) : s;
    }
}
