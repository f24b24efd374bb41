package dev.dirsync.report.internal;

/**
 * Undoes the formula neutralising of {@link CsvCells#encode}: a cell that starts with {@code '}
 * followed by {@code = + - @}, tab or CR had the {@code '} added, so it is dropped. Any other
 * leading {@code '} belongs to the value and is kept.
 */
public final class NeutralisedCell {
    private NeutralisedCell() {}

    public static String undo(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && isFormulaStart(cell.charAt(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
