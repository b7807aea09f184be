package io.bpo.core.csv;

import java.util.regex.Pattern;

/**
 * The one rule for a CSV cell the platform writes (RFC 4180, any export): quoted when it holds a comma, a quote or
 * a line break, an empty cell for null, and a text that a spreadsheet would run as a formula (starting with =, +,
 * -, @, tab or CR, and not a plain number) prefixed with a quote, since cells carry what callers sent.
 */
public final class CsvCells {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
