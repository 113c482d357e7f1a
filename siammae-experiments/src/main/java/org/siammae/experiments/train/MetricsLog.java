package org.siammae.experiments.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The loss log of a run, {@code metrics.csv}: one row per step, flushed as it is written so that a
 * crash keeps every finished step. Resuming appends to the existing file.
 */
public final class MetricsLog implements AutoCloseable {

    /** The CSV header. */
    public static final String HEADER = "step,epoch,loss,lr,pairs_per_second,elapsed_seconds";

    private final BufferedWriter writer;

    /**
     * Opens the log, writing the header if the file is new.
     *
     * @param file the CSV file
     * @throws IOException if the file cannot be opened
     */
    public MetricsLog(Path file) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        writer =
                Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fresh) {
            writer.write(HEADER);
            writer.newLine();
            writer.flush();
        }
    }

    /**
     * Appends a row.
     *
     * @param step the 1-based step just finished
     * @param epoch the epoch of its last batch
     * @param loss the mean loss of the step
     * @param learningRate the learning rate used
     * @param pairsPerSecond samples per second since the last row
     * @param elapsedSeconds seconds since the run started
     * @throws IOException if writing fails
     */
    public void append(
            long step, int epoch, double loss, double learningRate, double pairsPerSecond, double elapsedSeconds)
            throws IOException {
        writer.write(
                String.format(
                        Locale.ROOT,
                        "%d,%d,%.6f,%.6e,%.2f,%.1f",
                        step, epoch, loss, learningRate, pairsPerSecond, elapsedSeconds));
        writer.newLine();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
