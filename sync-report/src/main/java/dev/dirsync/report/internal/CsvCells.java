package dev.dirsync.report.internal;

/** Encodes one CSV cell: formula-injection neutralising, then RFC 4180 quoting. */
public final class CsvCells {
    private CsvCells() {}

    /**
     * A cell starting with {@code = + - @}, tab or CR gets a leading {@code '} so spreadsheets show it
     * as text instead of evaluating it; the result is quoted (inner quotes doubled) when it holds a
     * comma, a quote, CR or LF. Null is the empty cell.
     */
    public static String encode(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = needsNeutralising(value.charAt(0)) ? "'" + value : value;
        return needsQuotes(text) ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean needsNeutralising(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
