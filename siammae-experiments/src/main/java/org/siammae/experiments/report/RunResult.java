package org.siammae.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.siammae.experiments.sweep.CellFolder;
import org.siammae.experiments.sweep.CellRun;
import org.siammae.experiments.sweep.EvaluationEntry;
import org.siammae.experiments.train.Pretrainer;

/**
 * What one run of a table has produced so far, read from its folder.
 *
 * @param run the run
 * @param status where it stands
 * @param stale whether the folder was pretrained with a different descriptor (left out of statistics)
 * @param metrics metric id ({@code <task>/<metric>}) to value as the task reported it
 * @param provenance the pretrainer's {@code provenance.json}, empty before pretraining
 * @param pretrainSeconds wall seconds of finished pretraining invocations
 * @param evaluationSeconds wall seconds of finished evaluations
 * @param steps optimiser steps in the newest checkpoint
 * @param finalLoss the mean loss of the last logged interval, NaN before pretraining finished
 * @param error the error of the last failed attempt, or null
 * @param evaluationCommits the git commit and dirty state of each finished evaluation, as text
 */
public record RunResult(
        CellRun run,
        CellFolder.Status status,
        boolean stale,
        Map<String, Double> metrics,
        Map<String, Object> provenance,
        double pretrainSeconds,
        double evaluationSeconds,
        long steps,
        double finalLoss,
        String error,
        List<String> evaluationCommits) {

    /** Returns whether the run counts in statistics: finished, and for the current descriptor. */
    public boolean usable() {
        return status == CellFolder.Status.FINISHED && !stale;
    }

    /**
     * Reads a run's folder.
     *
     * @param run the run
     * @throws IOException if a result file exists but cannot be read
     */
    @SuppressWarnings("unchecked")
    public static RunResult read(CellRun run) throws IOException {
        Path folder = run.folder();
        Map<String, Object> cell = CellFolder.readJson(folder.resolve(CellFolder.CELL_FILE)).orElse(Map.of());
        Object recorded = cell.get("pretraining_sha256");
        boolean stale = recorded != null && !recorded.equals(CellFolder.pretrainingHash(run));

        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> commits = new ArrayList<>();
        double evaluationSeconds = 0;
        for (EvaluationEntry entry : run.evaluations()) {
            Optional<Map<String, Object>> result = CellFolder.readJson(CellFolder.resultFile(run, entry));
            if (result.isEmpty() || !CellFolder.evaluationFinished(run, entry)) {
                continue;
            }
            String prefix = entry.metricPrefix(run.evaluations());
            Map<String, Object> values = (Map<String, Object>) result.get().getOrDefault("metrics", Map.of());
            values.forEach((name, value) -> {
                if (value instanceof Number number) {
                    metrics.put(prefix + "/" + name, number.doubleValue());
                }
            });
            evaluationSeconds += number(result.get().get("wall_seconds"), 0);
            if (result.get().get("environment") instanceof Map<?, ?> environment) {
                commits.add(environment.get("git_commit") + " (dirty: " + environment.get("git_dirty") + ")");
            }
        }
        Map<String, Object> provenance = CellFolder.readJson(folder.resolve("provenance.json")).orElse(Map.of());
        Map<String, Object> summary = CellFolder.readJson(folder.resolve(CellFolder.SUMMARY_FILE)).orElse(Map.of());
        return new RunResult(
                run,
                CellFolder.status(run),
                stale,
                metrics,
                provenance,
                number(cell.get("pretrain_wall_seconds"), 0),
                evaluationSeconds,
                CellFolder.completedSteps(folder),
                number(summary.get(Pretrainer.SUMMARY_FINAL_LOSS), Double.NaN),
                cell.get("last_error") == null ? null : cell.get("last_error").toString(),
                commits);
    }

    private static double number(Object value, double fallback) {
        return value instanceof Number number ? number.doubleValue() : fallback;
    }
}
