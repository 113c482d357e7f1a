package org.siammae.experiments.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.random.RunRandom;
import org.siammae.experiments.evaluate.EvaluationResult;
import org.siammae.experiments.evaluate.EvaluationStep;
import org.siammae.experiments.evaluate.EvaluationTask;
import org.siammae.experiments.model.ModelCheckpoint;
import org.siammae.experiments.run.Provenance;
import org.siammae.experiments.run.RunFolder;
import org.siammae.experiments.train.Pretrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one run of a table to the end: pretraining (resumed from the newest checkpoint if the
 * folder has one), then each evaluation that has no result yet. What an earlier attempt saved (a
 * checkpoint, an evaluation result) is not computed again.
 */
final class CellRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CellRunner.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String CONTINUE_COMMAND =
            "the same 'siammae run' command; it skips finished runs and resumes this one";

    private final TablePlan plan;
    private final ComponentRegistry registry;

    CellRunner(TablePlan plan, ComponentRegistry registry) {
        this.plan = plan;
        this.registry = registry;
    }

    /**
     * Runs what is left of a run.
     *
     * @param run the run
     * @throws IOException if data cannot be read or results cannot be written
     * @throws InterruptedException if interrupted
     */
    void run(CellRun run) throws IOException, InterruptedException {
        Files.createDirectories(run.folder());
        CellFolder.updateCellFile(run.folder(), cellRecord(run));
        // The current descriptor, whose evaluations may differ from those of an earlier attempt.
        RunFolder.writeAtomically(run.folder().resolve("descriptor.yaml"), run.spec().descriptor().toYaml());

        if (!Files.isRegularFile(run.folder().resolve(CellFolder.SUMMARY_FILE))) {
            long done = CellFolder.completedSteps(run.folder());
            if (done > 0) {
                LOG.info("{}: resuming pretraining from step {}", run.label(), done);
            } else {
                LOG.info("{}: pretraining", run.label());
            }
            // A stopped table run continues with the same 'run' command, which skips finished runs.
            new Pretrainer(run.spec(), registry, CONTINUE_COMMAND).run(RunFolder.open(run.folder()));
            // The summary's wall time counts every session, stopped ones included.
            double wall = CellFolder.readJson(run.folder().resolve(CellFolder.SUMMARY_FILE))
                    .map(summary -> summary.get(Pretrainer.SUMMARY_WALL_SECONDS) instanceof Number n
                            ? n.doubleValue() : 0.0)
                    .orElse(0.0);
            CellFolder.updateCellFile(run.folder(), Map.of("pretrain_wall_seconds", wall));
        }

        Path checkpoint = ModelCheckpoint.find(run.folder()).folder();
        for (EvaluationEntry entry : run.evaluations()) {
            if (!CellFolder.evaluationFinished(run, entry)) {
                evaluate(run, entry, checkpoint);
            }
        }
        for (String task : run.skippedEvaluations()) {
            LOG.info("{}: evaluation '{}' skipped: the scale profile has no settings for it", run.label(), task);
        }
    }

    private Map<String, Object> cellRecord(CellRun run) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("table", plan.name());
        cell.put("cell", run.cell().id());
        cell.put("seed", run.seed());
        cell.put("values", run.cell().values());
        cell.put("scale", plan.scale().map(ScaleProfile::name).orElse(null));
        cell.put("descriptor_sha256", run.spec().descriptor().sha256());
        cell.put(CellFolder.PRETRAINING_HASH, CellFolder.pretrainingHash(run));
        cell.put("table_descriptor", plan.table().file().toString());
        cell.put("table_descriptor_sha256", plan.table().sha256());
        cell.put("skipped_evaluations", run.skippedEvaluations());
        return cell;
    }

    private void evaluate(CellRun run, EvaluationEntry entry, Path checkpoint)
            throws IOException, InterruptedException {
        Path output = CellFolder.evaluationFolder(run, entry);
        if (Files.exists(output)) {
            // An earlier attempt stopped before its result, or ran another entry at this index:
            // keep its files and start afresh.
            String reason = Files.exists(output.resolve(CellFolder.RESULT_FILE)) ? "replaced" : "interrupted";
            Path aside = output.resolveSibling(
                    output.getFileName() + "." + reason + "-" + LocalDateTime.now().format(STAMP));
            Files.move(output, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("{}: moved the {} evaluation {} to {}", run.label(), reason, output, aside);
        }
        Files.createDirectories(output);
        LOG.info("{}: evaluating {} ({})", run.label(), entry.task(), output);
        ComponentContext context =
                ComponentContext.of(registry, new RunRandom(run.seed()), Path.of("").toAbsolutePath());
        EvaluationTask task = registry.create(EvaluationTask.KIND, entry.spec(), context);
        long started = System.nanoTime();
        EvaluationResult result = task.evaluate(checkpoint, output);
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("task", entry.task());
        record.put("index", entry.index());
        record.put("entry", entry.spec().options());
        record.put("entry_sha256", CellFolder.entryHash(entry));
        record.put("metrics", result.metrics());
        record.put("summary", result.summary() == null ? null : result.summary().toString());
        record.put("checkpoint", checkpoint.toString());
        record.put("checkpoint_step", ModelCheckpoint.find(checkpoint).step());
        record.put("wall_seconds", seconds);
        // The code and machine of this evaluation, which may differ from those of pretraining.
        record.put("environment", Provenance.environment("chosen by the evaluation task"));
        record.put("finished", Instant.now().toString());
        RunFolder.writeAtomically(CellFolder.resultFile(run, entry), CellFolder.JSON.writeValueAsString(record));
        LOG.info("{}: {} in {} s", run.label(), EvaluationStep.headline(entry.task(), result), Math.round(seconds));
    }
}
