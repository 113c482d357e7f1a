package org.siammae.experiments.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.siammae.experiments.model.ModelCheckpoint;
import org.siammae.experiments.run.RunFolder;

/**
 * What a run folder of a table holds, read from its files: {@code cell.json} (which cell, seed and
 * descriptor), the pretrainer's {@code summary.json} (written when pretraining finished) and one
 * {@code eval/<index>-<task>/result.json} per finished evaluation. A run is finished when its
 * pretraining and every evaluation have written their results.
 */
public final class CellFolder {

    /** The file naming the cell, seed and descriptor hash of a run folder. */
    public static final String CELL_FILE = "cell.json";

    /** The pretrainer's file that marks finished pretraining. */
    public static final String SUMMARY_FILE = "summary.json";

    /** The file that marks a finished evaluation, with its metrics. */
    public static final String RESULT_FILE = "result.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where a run stands. */
    public enum Status {
        /** Nothing written yet. */
        NEW,
        /** Pretraining started but has not finished. */
        PRETRAINING,
        /** Pretraining finished, some evaluation has not. */
        EVALUATING,
        /** Pretraining and every evaluation finished. */
        FINISHED
    }

    private CellFolder() {}

    /**
     * Returns where a run stands.
     *
     * @param run the run
     */
    public static Status status(CellRun run) {
        if (!Files.isRegularFile(run.folder().resolve(SUMMARY_FILE))) {
            return Files.isDirectory(run.folder()) ? Status.PRETRAINING : Status.NEW;
        }
        for (EvaluationEntry entry : run.evaluations()) {
            if (!Files.isRegularFile(resultFile(run, entry))) {
                return Status.EVALUATING;
            }
        }
        return Status.FINISHED;
    }

    /**
     * Returns the optimiser steps of the newest complete checkpoint, or 0.
     *
     * @param folder a run folder
     */
    public static long completedSteps(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        return ModelCheckpoint.latest(folder).map(ModelCheckpoint.Info::step).orElse(0L);
    }

    /**
     * Returns the output folder of an evaluation.
     *
     * @param run the run
     * @param entry the evaluation
     */
    public static Path evaluationFolder(CellRun run, EvaluationEntry entry) {
        return run.folder().resolve(EvaluationEntry.FOLDER).resolve(entry.folderName());
    }

    /**
     * Returns the result file of an evaluation.
     *
     * @param run the run
     * @param entry the evaluation
     */
    public static Path resultFile(CellRun run, EvaluationEntry entry) {
        return evaluationFolder(run, entry).resolve(RESULT_FILE);
    }

    /**
     * Reads a JSON object file, if it exists.
     *
     * @param file the file
     * @throws IOException if it exists but cannot be read as a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), LinkedHashMap.class));
    }

    /**
     * Returns the descriptor hash a run folder recorded, if it has a {@value #CELL_FILE}.
     *
     * @param folder the run folder
     * @throws IOException if the file cannot be read
     */
    public static Optional<String> recordedDescriptorHash(Path folder) throws IOException {
        return readJson(folder.resolve(CELL_FILE)).map(cell -> (String) cell.get("descriptor_sha256"));
    }

    /**
     * Updates keys of {@value #CELL_FILE}, creating it if needed; written atomically.
     *
     * @param folder the run folder
     * @param values the keys to set
     * @throws IOException if the file cannot be written
     */
    static void updateCellFile(Path folder, Map<String, Object> values) throws IOException {
        Path file = folder.resolve(CELL_FILE);
        Map<String, Object> cell = readJson(file).orElseGet(LinkedHashMap::new);
        cell.putAll(values);
        RunFolder.writeAtomically(file, JSON.writeValueAsString(cell));
    }
}
