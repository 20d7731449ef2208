package org.nutrisearch.corpus;

import java.util.List;

/**
 * A table, one row per nutrient or feature.
 *
 * @param heading  the heading the table stood under (e.g. "Comparison of Key Nutrients for Muscle Health"), or null
 * @param header   the header line as text
 * @param columns  the column names where they can be told apart, else empty
 * @param rows     the rows in order
 */
public record Table(String heading, String header, List<String> columns, List<TableRow> rows) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
