package org.siammae.experiments.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.siammae.experiments.descriptor.DescriptorEditor;
import org.siammae.experiments.model.ModelCheckpoint;
import org.siammae.experiments.run.RunFolder;

/**
 * What a run folder of a table holds, read from its files: {@code cell.json} (which cell, seed and
 * descriptor), the pretrainer's {@code summary.json} (written when pretraining finished) and one
 * {@code eval/<index>-<task>/result.json} per finished evaluation. A run is finished when its
 * pretraining and every evaluation have written their results.
 *
 * <p>Pretraining and each evaluation are identified by hashes: the pretraining hash covers the
 * run's descriptor without its {@code evaluate} list, and each result records the hash of its
 * evaluation entry. Adding or changing an evaluation therefore reruns only that evaluation.
 */
public final class CellFolder {

    /** The file naming the cell, seed and descriptor hash of a run folder. */
    public static final String CELL_FILE = "cell.json";

    /** The pretrainer's file that marks finished pretraining. */
    public static final String SUMMARY_FILE = "summary.json";

    /** The file that marks a finished evaluation, with its metrics. */
    public static final String RESULT_FILE = "result.json";

    /** The {@value #CELL_FILE} key of the pretraining hash. */
    static final String PRETRAINING_HASH = "pretraining_sha256";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String EVALUATE_KEY = "evaluate";

    /** The state of a run. */
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
     * Returns the state of a run.
     *
     * @param run the run
     */
    public static Status status(CellRun run) {
        if (!Files.isRegularFile(run.folder().resolve(SUMMARY_FILE))) {
            return Files.isDirectory(run.folder()) ? Status.PRETRAINING : Status.NEW;
        }
        for (EvaluationEntry entry : run.evaluations()) {
            if (!evaluationFinished(run, entry)) {
                return Status.EVALUATING;
            }
        }
        return Status.FINISHED;
    }

    /**
     * Returns whether an evaluation has a result for its current entry.
     *
     * @param run the run
     * @param entry the evaluation
     */
    public static boolean evaluationFinished(CellRun run, EvaluationEntry entry) {
        try {
            return readJson(resultFile(run, entry))
                    .map(result -> entryHash(entry).equals(result.get("entry_sha256")))
                    .orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the hash that identifies a run's pretraining: the SHA-256 of its descriptor without
     * the {@code evaluate} list.
     *
     * @param run the run
     */
    public static String pretrainingHash(CellRun run) {
        return DescriptorEditor.of(run.spec().descriptor()).remove(EVALUATE_KEY).build().sha256();
    }

    /**
     * Returns the SHA-256 of an evaluation entry (task and options) in canonical JSON.
     *
     * @param entry the evaluation
     */
    public static String entryHash(EvaluationEntry entry) {
        Map<String, Object> tree = new TreeMap<>(entry.spec().options());
        tree.put("task", entry.task());
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(tree);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash evaluation " + entry.folderName(), e);
        }
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
     * Returns the pretraining hash a run folder recorded, if it has a {@value #CELL_FILE}.
     *
     * @param folder the run folder
     * @throws IOException if the file cannot be read
     */
    public static Optional<String> recordedPretrainingHash(Path folder) throws IOException {
        return readJson(folder.resolve(CELL_FILE)).map(cell -> (String) cell.get(PRETRAINING_HASH));
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
