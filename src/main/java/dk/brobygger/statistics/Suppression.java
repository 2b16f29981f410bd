package dk.brobygger.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cells of one report table that may not be shown (DOMAIN.md §11): every count from 1 to 4 (primary), and then in
 * each column whose rows add up to a shown total, enough further cells that no hidden count can be recovered by
 * subtracting the shown ones from the total (secondary): a column with exactly one hidden cell gets its smallest
 * other non-zero cell hidden too. Zeros reveal nobody and stay shown. Repeated until nothing changes.
 */
final class Suppression {

    private Suppression() {
    }

    /**
     * @param counts  the table's rows (not the total row) by column
     * @param totals  the total of each column, or null when the table has no total row (rows that overlap, such as
     *                an offer in several categories, are protected as if they added up: conservative)
     * @return which cells to hide, same shape as {@code counts}
     */
    static boolean[][] hidden(long[][] counts, long @org.jspecify.annotations.Nullable [] totals) {
        int rows = counts.length;
        int columns = rows == 0 ? 0 : counts[0].length;
        boolean[][] hide = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                hide[r][c] = small(counts[r][c]);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int c = 0; c < columns; c++) {
                if (totals != null && small(totals[c])) {
                    continue;
                }
                int hiddenInColumn = 0;
                for (int r = 0; r < rows; r++) {
                    hiddenInColumn += hide[r][c] && counts[r][c] > 0 ? 1 : 0;
                }
                if (hiddenInColumn != 1) {
                    continue;
                }
                int smallest = -1;
                for (int r = 0; r < rows; r++) {
                    if (!hide[r][c] && counts[r][c] > 0 && (smallest < 0 || counts[r][c] < counts[smallest][c])) {
                        smallest = r;
                    }
                }
                if (smallest >= 0) {
                    hide[smallest][c] = true;
                    changed = true;
                }
            }
        }
        return hide;
    }

    /**
     * The same protection for rows whose parts add up to a shown row total (an outreach reason's total and how its
     * items ended): each row is protected as a column would be.
     */
    static boolean[][] hiddenInRows(long[][] parts, long[] rowTotals) {
        int rows = parts.length;
        int columns = rows == 0 ? 0 : parts[0].length;
        long[][] transposed = new long[columns][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                transposed[c][r] = parts[r][c];
            }
        }
        boolean[][] hiddenTransposed = hidden(transposed, rowTotals);
        boolean[][] hidden = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                hidden[r][c] = hiddenTransposed[c][r];
            }
        }
        return hidden;
    }

    /**
     * The same protection for a whole report whose figures are tied by sums across its tables (a total shown in one
     * table and its parts in another, a row that is the sum of its columns and a column that is the sum of its rows):
     * every count from 1 to 4 is hidden, and then, in every sum that has exactly one hidden count (part or total),
     * its smallest shown non-zero part is hidden too, or the total when no such part is left. Repeated until nothing
     * changes, so that no hidden count can be had by adding or subtracting shown ones in any of the sums.
     *
     * @param values the report's counts, each once, however many tables show it
     * @param sums   each as {@code {total, part, part, …}}, indexes into {@code values}
     * @return which counts to hide
     */
    static boolean[] hiddenInSums(long[] values, List<int[]> sums) {
        boolean[] hide = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            hide[i] = small(values[i]);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] sum : sums) {
                int hiddenInSum = 0;
                for (int cell : sum) {
                    hiddenInSum += hide[cell] && values[cell] > 0 ? 1 : 0;
                }
                if (hiddenInSum != 1) {
                    continue;
                }
                int smallest = -1;
                for (int part = 1; part < sum.length; part++) {
                    int cell = sum[part];
                    if (!hide[cell] && values[cell] > 0 && (smallest < 0 || values[cell] < values[smallest])) {
                        smallest = cell;
                    }
                }
                if (smallest < 0 && !hide[sum[0]] && values[sum[0]] > 0) {
                    smallest = sum[0];
                }
                if (smallest >= 0) {
                    hide[smallest] = true;
                    changed = true;
                }
            }
        }
        return hide;
    }

    /** The cells as shown: a hidden one as "<5" when it is small, else as "–" (hidden to protect another). */
    static List<List<String>> shown(long[][] counts, boolean[][] hidden) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < counts.length; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < counts[r].length; c++) {
                row.add(!hidden[r][c] ? Long.toString(counts[r][c]) : small(counts[r][c]) ? "<5" : "–");
            }
            rows.add(row);
        }
        return rows;
    }

    static boolean small(long count) {
        return count > 0 && count < Count.SMALLEST_SHOWN;
    }

    static long[] sum(long[][] counts) {
        long[] total = new long[counts.length == 0 ? 0 : counts[0].length];
        Arrays.stream(counts).forEach(row -> {
            for (int c = 0; c < row.length; c++) {
                total[c] += row[c];
            }
        });
        return total;
    }
}
