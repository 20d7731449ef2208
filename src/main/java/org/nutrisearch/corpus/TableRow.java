package org.nutrisearch.corpus;

import java.util.List;

/**
 * One table row.
 *
 * @param cells the cells where they can be told apart, else empty
 * @param text  the row as readable text (for a flattened row, the line as it stood)
 */
public record TableRow(List<String> cells, String text) {
    public TableRow {
        cells = List.copyOf(cells);
    }
}
