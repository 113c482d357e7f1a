package org.siammae.eval.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siammae.api.io.AtomicFiles;

/** A small CSV table: a header and rows of text or numbers, written in one piece. */
public final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * Creates a table.
     *
     * @param header the column names
     */
    public CsvTable(String... header) {
        this.header = List.of(header);
    }

    /**
     * Adds a row; numbers are written with 6 decimals, NaN as {@code NaN}.
     *
     * @param cells one value per column
     * @return this table
     */
    public CsvTable add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + cells.length + " cells, the table " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(format(cell));
        }
        rows.add(row);
        return this;
    }

    /** Returns the table as CSV text. */
    public String toCsv() {
        StringBuilder out = new StringBuilder();
        appendRow(out, header);
        for (List<String> row : rows) {
            appendRow(out, row);
        }
        return out.toString();
    }

    /**
     * Writes the table through a temporary file.
     *
     * @param file the destination
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toCsv());
    }

    private static String format(Object cell) {
        if (cell instanceof Double || cell instanceof Float) {
            double value = ((Number) cell).doubleValue();
            return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.6f", value);
        }
        return String.valueOf(cell);
    }

    private static void appendRow(StringBuilder out, List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = row.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append('\n');
    }
}
