package org.siammae.data.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.siammae.api.io.AtomicFiles;

/**
 * Reads and writes a clip index as CSV, one row per file, after a first line that names the index
 * format and the probe settings. An index written with other settings or another format version
 * is not reused. The duration column (frames / fps, in seconds) is written for people reading the
 * file and ignored when it is read back.
 */
public final class ClipIndexFile {

    /** The format version; bump it when the columns or their meaning change. */
    static final int VERSION = 1;

    private static final String MAGIC = "# siammae clip index";
    private static final String HEADER =
            "path,size,modified,frames,exact-frame-count,fps,width,height,duration,error";

    private ClipIndexFile() {}

    /**
     * Reads an index if it exists and was written with the same settings.
     *
     * @param file the index file
     * @param settings the probe settings the entries must have been made with
     * @return the entries, or empty when the file is missing or stale
     * @throws IOException if the file exists but cannot be read or parsed; the caller rebuilds
     */
    public static Optional<List<IndexEntry>> read(Path file, String settings) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null || !first.equals(firstLine(settings))) {
                return Optional.empty();
            }
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IOException(file + " has an unexpected header: " + header);
            }
            List<IndexEntry> entries = new ArrayList<>();
            String line;
            int number = 2;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(parse(Csv.fields(line)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ":" + number + ": invalid row: " + e.getMessage(), e);
                }
            }
            return Optional.of(entries);
        }
    }

    private static IndexEntry parse(List<String> fields) {
        if (fields.size() != 10) {
            throw new IllegalArgumentException("expected 10 fields, got " + fields.size());
        }
        String error = fields.get(9);
        return new IndexEntry(
                fields.get(0),
                Long.parseLong(fields.get(1)),
                Long.parseLong(fields.get(2)),
                Integer.parseInt(fields.get(3)),
                Boolean.parseBoolean(fields.get(4)),
                Double.parseDouble(fields.get(5)),
                Integer.parseInt(fields.get(6)),
                Integer.parseInt(fields.get(7)),
                error.isEmpty() ? null : error);
    }

    /**
     * Writes an index through a temporary file, so a reader never sees half of it.
     *
     * @param file the index file
     * @param settings the probe settings the entries were made with
     * @param entries the entries
     * @throws IOException if the folder is not writable
     */
    public static void write(Path file, String settings, Collection<IndexEntry> entries)
            throws IOException {
        List<String> lines = new ArrayList<>(entries.size() + 2);
        lines.add(firstLine(settings));
        lines.add(HEADER);
        for (IndexEntry entry : entries) {
            lines.add(
                    Csv.line(
                            entry.path(),
                            entry.size(),
                            entry.modified(),
                            entry.frames(),
                            entry.exactFrameCount(),
                            String.format(Locale.ROOT, "%.6f", entry.fps()),
                            entry.width(),
                            entry.height(),
                            entry.usable()
                                    ? String.format(Locale.ROOT, "%.3f", entry.frames() / entry.fps())
                                    : "",
                            entry.error()));
        }
        writeAtomically(file, lines);
    }

    /**
     * Writes the list of skipped clips with their reasons.
     *
     * @param file the CSV file
     * @param skipped rows of relative path and reason
     * @throws IOException if the folder is not writable
     */
    public static void writeSkipped(Path file, List<String[]> skipped) throws IOException {
        List<String> lines = new ArrayList<>(skipped.size() + 1);
        lines.add("path,reason");
        for (String[] row : skipped) {
            lines.add(Csv.line((Object[]) row));
        }
        writeAtomically(file, lines);
    }

    private static String firstLine(String settings) {
        return MAGIC + " v" + VERSION + "; " + settings;
    }

    /** Writes lines to a temporary file in the same folder, then moves it over the target. */
    static void writeAtomically(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append(System.lineSeparator());
        }
        AtomicFiles.writeString(file, text.toString());
    }
}
