package com.sicfurnace.hmi.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Audit records as CSV (RFC 4180): a header row, one row per record, CRLF line ends. A field holding a comma, a quote
 * or a line break is quoted, its quotes doubled. {@code before} and {@code after} are their JSON. A field that a
 * spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a carriage return: a reason typed
 * as {@code =HYPERLINK(...)}) is written with a leading {@code '}, so that opening the export runs nothing.
 */
public final class AuditCsv {
    public static final List<String> COLUMNS = List.of("source", "seq", "time", "user", "role", "action", "reason",
            "before", "after", "outcome", "detail", "furnace", "run_id", "verified", "hash");

    private AuditCsv() {
    }

    public static void header(Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
    }

    /** One record, as the APIs give it (with {@code source} and {@code verified}). */
    public static void row(Writer out, JsonNode entry) throws IOException {
        StringBuilder row = new StringBuilder(512);
        for (String column : COLUMNS) {
            if (row.length() > 0) {
                row.append(',');
            }
            row.append(field(text(entry.path(column), column)));
        }
        out.write(row.append("\r\n").toString());
    }

    private static String text(JsonNode value, String column) {
        if (column.equals("before") || column.equals("after")) {
            return value.isMissingNode() ? "" : value.toString();
        }
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    /** A field as CSV writes it: quoted where needed, and never read as a formula. */
    public static String field(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
