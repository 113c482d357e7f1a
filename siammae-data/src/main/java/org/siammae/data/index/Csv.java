package org.siammae.data.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads lines of comma-separated values with RFC 4180 quoting. Line breaks inside a
 * field become spaces, so every record is one line.
 */
final class Csv {

    private Csv() {}

    /** Joins fields into one line, quoting those that contain a comma or a quote. */
    static String line(Object... fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String text = fields[i] == null ? "" : fields[i].toString().replaceAll("[\r\n]+", " ");
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        return out.toString();
    }

    /**
     * Splits one line into fields.
     *
     * @throws IllegalArgumentException if a quoted field is not closed
     */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in: " + line);
        }
        fields.add(field.toString());
        return fields;
    }
}
