package org.nutrisearch.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recovers the cells of a table whose borders the scrape removed, leaving one line per row such as
 * {@code "Vitamin D Facilitates calcium absorption. Muscle weakness, aches, and fatigue. Sunlight, ..."}.
 *
 * <p>Rows: the label is the leading run of capitalised words minus its last word, which starts the
 * first cell ("Vitamin D | Facilitates calcium ..."; "Primary Function | Muscle relaxation ...").
 * A new cell starts at a capitalised word right after a word that ends a phrase: one ending in '.'
 * or ')', or a lower-case word ("... muscle function | Muscle aches ..."), never inside parentheses.
 *
 * <p>Header: every word is capitalised, so the first word (with a code like "D") is the label
 * column and the rest is cut into as many column names as the rows have cells, choosing the cut
 * whose names are most even in length ("Primary Role in Muscles | Symptoms of Deficiency | Key Dietary
 * Sources"). Lower-case words, codes and parentheses stay with their neighbours.
 *
 * <p>It only answers when it is sure: every row must give the same number of cells, and the header cut
 * must be the single best one; otherwise the table keeps its rows as lines without cells.
 */
final class FlatTableSplitter {

    /** Columns and the cells of each row, in order. */
    record Split(List<String> columns, List<List<String>> rows) {
    }

    // "D", "B12", "K2": a vitamin's letter, which belongs to the word before it.
    private static final Pattern CODE = Pattern.compile("[A-Z]\\d{0,3}");
    private static final int MAX_HEADER_UNITS = 30;

    private FlatTableSplitter() {
    }

    static Optional<Split> split(String header, List<String> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> cells = new ArrayList<>();
        int width = -1;
        for (String row : rows) {
            List<String> rowCells = splitRow(row);
            if (rowCells == null || (width >= 0 && rowCells.size() != width)) {
                return Optional.empty();
            }
            width = rowCells.size();
            cells.add(rowCells);
        }
        if (width < 2) {
            return Optional.empty();
        }
        List<String> columns = splitHeader(header, width);
        return columns == null ? Optional.empty() : Optional.of(new Split(columns, cells));
    }

    /** The cells of one row (label first), or null when they cannot be told apart. */
    static List<String> splitRow(String row) {
        String[] w = words(row);
        int run = 0;
        while (run < w.length && LineShapes.startsWithCapital(w[run])) {
            run++;
        }
        // A label, then a capitalised word opening the first cell, then a lower-case word after it.
        if (run < 2 || run >= w.length || isCode(w[run - 1])) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        cells.add(join(w, 0, run - 1));
        int start = run - 1;
        int depth = parenDepth(0, w, 0, run - 1);
        for (int j = run - 1; j < w.length; j++) {
            if (j > start && depth == 0 && startsCell(w[j - 1], w[j])) {
                cells.add(join(w, start, j));
                start = j;
            }
            depth = parenDepth(depth, w, j, j + 1);
        }
        cells.add(join(w, start, w.length));
        return cells;
    }

    private static boolean startsCell(String previous, String word) {
        if (!Character.isUpperCase(word.codePointAt(0)) || isCode(word)) {
            return false;
        }
        char last = previous.charAt(previous.length() - 1);
        if (last == '.' || last == ')') {
            return true;
        }
        return Character.isLowerCase(previous.codePointAt(0)) && Character.isLetterOrDigit(last);
    }

    /** The header cut into {@code width} column names, or null when there is no single best cut. */
    static List<String> splitHeader(String header, int width) {
        String[] w = words(header);
        int labelEnd = 1;
        while (labelEnd < w.length && isCode(w[labelEnd])) {
            labelEnd++;
        }
        List<List<String>> units = units(Arrays.copyOfRange(w, labelEnd, w.length));
        int groups = width - 1;
        if (units.size() < groups || units.size() > MAX_HEADER_UNITS) {
            return null;
        }
        int[] cuts = evenestCut(units, groups);
        if (cuts == null) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        columns.add(join(w, 0, labelEnd));
        int from = 0;
        for (int g = 0; g < groups; g++) {
            int to = g == groups - 1 ? units.size() : cuts[g];
            List<String> name = new ArrayList<>();
            for (List<String> unit : units.subList(from, to)) {
                name.addAll(unit);
            }
            columns.add(String.join(" ", name));
            from = to;
        }
        return columns;
    }

    /** Words that must stay together: "Role in Muscles", "Vitamin D", "Sources (Examples)". */
    private static List<List<String>> units(String[] w) {
        List<List<String>> units = new ArrayList<>();
        int depth = 0;
        boolean glueNext = false;
        for (String word : w) {
            boolean lower = Character.isLowerCase(word.codePointAt(0)) || word.startsWith("&") || word.startsWith("/");
            boolean attach = !units.isEmpty() && (glueNext || lower || depth > 0 || word.startsWith("(") || isCode(word));
            if (attach) {
                units.get(units.size() - 1).add(word);
            } else {
                units.add(new ArrayList<>(List.of(word)));
            }
            glueNext = lower;
            depth = parenDepth(depth, new String[] {word}, 0, 1);
        }
        return units;
    }

    /** Words a unit adds to a column name's length: codes and parenthesised words count for nothing. */
    private static int weight(List<String> unit) {
        int n = 0;
        int depth = 0;
        for (String word : unit) {
            if (depth == 0 && !word.startsWith("(") && !isCode(word)) {
                n++;
            }
            depth = parenDepth(depth, new String[] {word}, 0, 1);
        }
        return n;
    }

    /**
     * Cuts units into {@code groups} consecutive groups minimising the sum of squared group weights;
     * returns the end index of each group but the last, or null when two cuts tie for best.
     */
    private static int[] evenestCut(List<List<String>> units, int groups) {
        int n = units.size();
        int[] prefix = new int[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + weight(units.get(i));
        }
        long inf = Long.MAX_VALUE / 4;
        // best[g][i]: least cost of cutting the first i units into g groups; ways: how many cuts reach it (capped at 2).
        long[][] best = new long[groups + 1][n + 1];
        int[][] ways = new int[groups + 1][n + 1];
        int[][] from = new int[groups + 1][n + 1];
        for (long[] row : best) {
            Arrays.fill(row, inf);
        }
        best[0][0] = 0;
        ways[0][0] = 1;
        for (int g = 1; g <= groups; g++) {
            for (int i = g; i <= n; i++) {
                for (int k = g - 1; k < i; k++) {
                    if (best[g - 1][k] >= inf) {
                        continue;
                    }
                    long size = prefix[i] - prefix[k];
                    long cost = best[g - 1][k] + size * size;
                    if (cost < best[g][i]) {
                        best[g][i] = cost;
                        ways[g][i] = ways[g - 1][k];
                        from[g][i] = k;
                    } else if (cost == best[g][i]) {
                        ways[g][i] = Math.min(2, ways[g][i] + ways[g - 1][k]);
                    }
                }
            }
        }
        if (best[groups][n] >= inf || ways[groups][n] != 1) {
            return null;
        }
        int[] cuts = new int[groups];
        int i = n;
        for (int g = groups; g >= 1; g--) {
            cuts[g - 1] = i;
            i = from[g][i];
        }
        return cuts;
    }

    private static int parenDepth(int depth, String[] w, int from, int to) {
        for (int j = from; j < to; j++) {
            for (int k = 0; k < w[j].length(); k++) {
                char c = w[j].charAt(k);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && depth > 0) {
                    depth--;
                }
            }
        }
        return depth;
    }

    private static boolean isCode(String word) {
        String bare = word;
        while (!bare.isEmpty() && ",;:.)".indexOf(bare.charAt(bare.length() - 1)) >= 0) {
            bare = bare.substring(0, bare.length() - 1);
        }
        return CODE.matcher(bare).matches();
    }

    private static String[] words(String line) {
        String s = line.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    private static String join(String[] w, int from, int to) {
        return String.join(" ", Arrays.asList(w).subList(from, to));
    }
}
