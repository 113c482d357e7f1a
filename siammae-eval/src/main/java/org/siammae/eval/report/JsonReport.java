package org.siammae.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.siammae.api.io.AtomicFiles;

/** Writes evaluation summaries as indented JSON (NaN is written as the string "NaN"). */
public final class JsonReport {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /**
     * Writes a summary through a temporary file.
     *
     * @param file the destination
     * @param summary nested maps, lists, strings and numbers
     * @throws IOException if writing fails
     */
    public static void write(Path file, Map<String, Object> summary) throws IOException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, summary));
    }
}
