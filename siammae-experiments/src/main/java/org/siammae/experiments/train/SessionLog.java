package org.siammae.experiments.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siammae.experiments.run.RunFolder;

/**
 * {@code sessions.csv}: one row per training session of a run (the first run and each resume),
 * so that the run's wall time counts sessions that were stopped before they finished.
 *
 * <p>The current session's row is rewritten as training goes (at every progress line and
 * checkpoint) with the state {@code running}. It ends as {@code finished}, or as {@code stopped}
 * when a shutdown hook runs because the process ends early. A session killed without running its hooks
 * keeps {@code running}; the next session marks that row {@code stopped}. Its wall time then counts
 * up to its last progress line.
 */
final class SessionLog {

    /** The file's name in the run folder. */
    static final String FILE = "sessions.csv";

    private static final String HEADER = "started,steps_before,steps_after,wall_seconds,state";
    private static final String RUNNING = "running";
    private static final String STOPPED = "stopped";
    private static final String FINISHED = "finished";

    /** One session. */
    private record Row(String started, long stepsBefore, long stepsAfter, double wallSeconds, String state) {

        String toCsv() {
            return String.format(Locale.ROOT, "%s,%d,%d,%.3f,%s", started, stepsBefore, stepsAfter, wallSeconds, state);
        }
    }

    private final Path file;
    private final List<Row> earlier;
    private final String started;
    private final long stepsBefore;

    private SessionLog(Path file, List<Row> earlier, long stepsBefore) {
        this.file = file;
        this.earlier = earlier;
        this.started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        this.stepsBefore = stepsBefore;
    }

    /**
     * Reads the sessions of a run, marks an earlier session still shown as running as stopped, and
     * writes a row for a new session.
     *
     * @param runFolder the run
     * @param stepsBefore the number of steps trained before this session
     * @param priorWallSeconds the wall time of earlier sessions from the summary, for a run folder
     *     written before this log existed. It is ignored when the log exists.
     * @throws IOException if the log cannot be read or written, or a row of it is malformed
     */
    static SessionLog start(RunFolder runFolder, long stepsBefore, double priorWallSeconds) throws IOException {
        Path file = runFolder.resolve(FILE);
        List<Row> earlier = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (Row row : read(file)) {
                earlier.add(RUNNING.equals(row.state())
                        ? new Row(row.started(), row.stepsBefore(), row.stepsAfter(), row.wallSeconds(), STOPPED)
                        : row);
            }
        } else if (priorWallSeconds > 0) {
            earlier.add(new Row("unknown", 0, stepsBefore, priorWallSeconds, FINISHED));
        }
        SessionLog log = new SessionLog(file, earlier, stepsBefore);
        log.write(stepsBefore, 0, RUNNING);
        return log;
    }

    /**
     * Records how far the current session has come.
     *
     * @param stepsAfter steps trained so far, this session's included
     * @param wallSeconds wall time of the session so far
     */
    void update(long stepsAfter, double wallSeconds) throws IOException {
        write(stepsAfter, wallSeconds, RUNNING);
    }

    /** Records that the session stopped early. A shutdown hook calls it. */
    void stopped(long stepsAfter, double wallSeconds) throws IOException {
        write(stepsAfter, wallSeconds, STOPPED);
    }

    /** Records that the session trained its last step. */
    void finished(long stepsAfter, double wallSeconds) throws IOException {
        write(stepsAfter, wallSeconds, FINISHED);
    }

    /** Returns the wall time of the earlier sessions, stopped ones included. */
    double earlierWallSeconds() {
        return earlier.stream().mapToDouble(Row::wallSeconds).sum();
    }

    private synchronized void write(long stepsAfter, double wallSeconds, String state) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        earlier.forEach(row -> text.append(row.toCsv()).append('\n'));
        text.append(new Row(started, stepsBefore, stepsAfter, wallSeconds, state).toCsv()).append('\n');
        RunFolder.writeAtomically(file, text.toString());
    }

    /**
     * Returns the wall time of every session recorded in a run folder, or 0 without a log.
     *
     * @param runFolder the run
     * @throws IOException if the log cannot be read or a row of it is malformed
     */
    static double recordedWallSeconds(RunFolder runFolder) throws IOException {
        Path file = runFolder.resolve(FILE);
        return Files.isRegularFile(file) ? read(file).stream().mapToDouble(Row::wallSeconds).sum() : 0;
    }

    private static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(parse(file, i + 1, lines.get(i)));
            }
        }
        return rows;
    }

    private static Row parse(Path file, int line, String text) throws IOException {
        String[] cells = text.split(",", -1);
        try {
            if (cells.length != 5) {
                throw new NumberFormatException("expected 5 columns, found " + cells.length);
            }
            return new Row(cells[0], Long.parseLong(cells[1]), Long.parseLong(cells[2]),
                    Double.parseDouble(cells[3]), cells[4]);
        } catch (NumberFormatException e) {
            throw new IOException(file + ":" + line + ": malformed session row '" + text + "' (" + e.getMessage()
                    + "); expected " + HEADER, e);
        }
    }
}
