package org.siammae.experiments.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siammae.experiments.run.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records a pretraining run keeps in its folder besides checkpoints. They are the descriptor and
 * provenance of every session (the first run and each resume, never overwritten), the loss log
 * trimmed to the checkpoint a resume starts from, and a summary computed from the whole loss log.
 */
final class RunRecords {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecords.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The loss log's file name. */
    static final String METRICS = "metrics.csv";

    /** The summary's file name. */
    static final String SUMMARY = "summary.json";

    private RunRecords() {}

    /**
     * Writes the descriptor and provenance of a session. The first session writes {@code
     * descriptor.yaml} and {@code provenance.json}; a resume adds {@code provenance-resume-<time>
     * .json}, and {@code descriptor-resume-<time>.yaml} when its descriptor differs.
     *
     * @param runFolder the run
     * @param descriptorYaml the session's resolved descriptor
     * @param provenance the session's provenance
     * @throws IOException if writing fails
     */
    static void writeSession(RunFolder runFolder, String descriptorYaml, Map<String, Object> provenance)
            throws IOException {
        Path descriptor = runFolder.resolve("descriptor.yaml");
        if (!Files.exists(runFolder.resolve("provenance.json"))) {
            // The first session; a table run may have written the descriptor already.
            if (!Files.exists(descriptor)) {
                runFolder.writeText("descriptor.yaml", descriptorYaml);
            }
            runFolder.writeText("provenance.json", JSON.writeValueAsString(provenance));
            return;
        }
        String stamp = LocalDateTime.now().format(STAMP);
        if (!Files.readString(descriptor, StandardCharsets.UTF_8).equals(descriptorYaml)) {
            runFolder.writeText("descriptor-resume-" + stamp + ".yaml", descriptorYaml);
        }
        runFolder.writeText("provenance-resume-" + stamp + ".json", JSON.writeValueAsString(provenance));
    }

    /**
     * Drops the loss-log rows written after the checkpoint a resume starts from, because the resumed
     * run logs those steps again; the full log is kept beside it as {@code
     * metrics-before-resume-<time>.csv}.
     *
     * @param runFolder the run
     * @param step the checkpoint's step
     * @throws IOException if the log cannot be read or written
     */
    static void trimMetrics(RunFolder runFolder, long step) throws IOException {
        Path log = runFolder.resolve(METRICS);
        if (!Files.isRegularFile(log)) {
            return;
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> retained = new ArrayList<>();
        for (String line : lines) {
            Long rowStep = stepOf(line);
            if (rowStep == null || rowStep <= step) {
                retained.add(line);
            }
        }
        if (retained.size() < lines.size()) {
            Path copy = runFolder.resolve("metrics-before-resume-" + LocalDateTime.now().format(STAMP) + ".csv");
            Files.copy(log, copy);
            RunFolder.writeAtomically(log, String.join("\n", retained) + "\n");
            LOG.info("Kept the loss log up to step {}; the interrupted log is in {}", step, copy);
        }
    }

    /** Losses of the whole loss log, read back for the summary. */
    record LossLog(List<Long> steps, List<Double> losses) {

        double first() {
            return losses.isEmpty() ? Double.NaN : losses.get(0);
        }

        double last() {
            return losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1);
        }

        double meanOfFirst(int count) {
            return mean(losses.subList(0, Math.min(count, losses.size())));
        }

        double meanOfLast(int count) {
            return mean(losses.subList(Math.max(0, losses.size() - count), losses.size()));
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /**
     * Reads the loss log.
     *
     * @param runFolder the run
     * @throws IOException if the log cannot be read
     */
    static LossLog readLosses(RunFolder runFolder) throws IOException {
        List<Long> steps = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        Path log = runFolder.resolve(METRICS);
        if (Files.isRegularFile(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Long step = stepOf(line);
                if (step != null) {
                    steps.add(step);
                    losses.add(Double.parseDouble(line.split(",")[2]));
                }
            }
        }
        return new LossLog(steps, losses);
    }

    /**
     * Writes {@code summary.json} from the whole loss log: the loss of the first and last step, the
     * mean of the first and last {@code window} steps, and the wall time of every session so far.
     *
     * @param runFolder the run
     * @param losses the loss log
     * @param window steps per mean (the progress interval)
     * @param checkpoint the newest checkpoint
     * @param sessionSteps steps trained in this session
     * @param sessionSeconds wall time of this session
     * @param earlier wall time of the earlier sessions, stopped ones included
     * @throws IOException if writing fails
     */
    static void writeSummary(
            RunFolder runFolder, LossLog losses, int window, Path checkpoint, long sessionSteps, double sessionSeconds,
            double earlier)
            throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("steps", losses.steps().isEmpty() ? 0 : losses.steps().get(losses.steps().size() - 1));
        summary.put("first_step_loss", losses.first());
        summary.put("final_step_loss", losses.last());
        summary.put("mean_window_steps", window);
        summary.put("first_window_mean_loss", losses.meanOfFirst(window));
        summary.put(Pretrainer.SUMMARY_FINAL_LOSS, losses.meanOfLast(window));
        summary.put("session_steps", sessionSteps);
        summary.put("session_wall_seconds", sessionSeconds);
        summary.put(Pretrainer.SUMMARY_WALL_SECONDS, earlier + sessionSeconds);
        summary.put("checkpoint", checkpoint.toString());
        runFolder.writeText(SUMMARY, JSON.writeValueAsString(summary));
    }

    /**
     * Returns the total wall time an existing summary records, or 0 without one. It serves run folders
     * written before {@link SessionLog} existed.
     *
     * @param runFolder the run
     * @throws IOException if the summary cannot be read
     */
    static double summaryWallSeconds(RunFolder runFolder) throws IOException {
        Path file = runFolder.resolve(SUMMARY);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        Object value = JSON.readValue(file.toFile(), Map.class).get(Pretrainer.SUMMARY_WALL_SECONDS);
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    private static Long stepOf(String line) {
        int comma = line.indexOf(',');
        if (comma <= 0) {
            return null;
        }
        String first = line.substring(0, comma);
        return first.matches("\\d+") ? Long.valueOf(first) : null;
    }
}
