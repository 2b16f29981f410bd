package dk.brobygger.shared;

import org.jspecify.annotations.Nullable;

/**
 * Text for a cell of an exported spreadsheet (CSV, XLSX) that the spreadsheet will show, not run. A value
 * starting with {@code = + - @}, a tab or a carriage return would be read as a formula (CSV injection, e.g. a
 * purpose typed as {@code =HYPERLINK(...)}), so it gets a leading apostrophe, which spreadsheets take as
 * "text" and do not display. A whole number, negative ones included, stays a number.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static @Nullable String of(@Nullable String value) {
        if (value == null || value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 || value.matches("-?\\d+")) {
            return value;
        }
        return "'" + value;
    }
}
