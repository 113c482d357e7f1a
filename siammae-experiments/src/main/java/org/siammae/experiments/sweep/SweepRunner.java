package org.siammae.experiments.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siammae.api.config.ConfigException;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.experiments.report.Durations;
import org.siammae.experiments.run.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the runs of a table one after another in their folders. Finished runs are skipped,
 * unfinished ones resumed; a failing run is logged and recorded in its {@code cell.json}, and the
 * next one starts unless the caller asks to stop at the first failure.
 */
public final class SweepRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);

    /**
     * The outcome of a sweep.
     *
     * @param skipped runs that were already finished
     * @param finished runs that finished now
     * @param failed labels of runs that failed, with the error
     */
    public record Summary(List<String> skipped, List<String> finished, Map<String, String> failed) {}

    private final TablePlan plan;
    private final CellRunner runner;

    /**
     * Creates a runner.
     *
     * @param plan the checked table
     * @param registry the component registry
     */
    public SweepRunner(TablePlan plan, ComponentRegistry registry) {
        this.plan = plan;
        this.runner = new CellRunner(plan, registry);
    }

    /** Called after a run finished, for example to write its report. */
    @FunctionalInterface
    public interface FinishedRun {
        /**
         * Handles a finished run.
         *
         * @param run the run
         * @throws IOException if writing fails
         */
        void accept(CellRun run) throws IOException;
    }

    /**
     * Runs the given runs of the table.
     *
     * @param runs the runs, in order
     * @param failFast whether to stop at the first failing run
     * @param onFinished called after each run that finishes now
     * @return what happened to each run
     * @throws IOException if the table folder cannot be written
     * @throws InterruptedException if interrupted
     */
    public Summary run(List<CellRun> runs, boolean failFast, FinishedRun onFinished)
            throws IOException, InterruptedException {
        RunFolder.writeAtomically(plan.folder().resolve("table.yaml"), plan.table().toYaml());
        List<String> skipped = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        long started = System.nanoTime();
        int count = 0;
        for (CellRun run : runs) {
            count++;
            if (CellFolder.status(run) == CellFolder.Status.FINISHED) {
                skipped.add(run.label());
                LOG.info("[{}/{}] {}: finished earlier, skipped", count, runs.size(), run.label());
                continue;
            }
            LOG.info("[{}/{}] {} in {}", count, runs.size(), run.label(), run.folder());
            try {
                runner.run(run);
                CellFolder.updateCellFile(run.folder(), Collections.singletonMap("last_error", null));
                finished.add(run.label());
                onFinished.accept(run);
            } catch (RuntimeException | IOException e) {
                String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (e instanceof ConfigException || e instanceof IOException) {
                    // Bad input or unreadable data: the message names what to fix, so no stack trace.
                    LOG.error("{} failed: {}", run.label(), message);
                } else {
                    LOG.error("{} failed: {}", run.label(), message, e);
                }
                CellFolder.updateCellFile(run.folder(), Map.of("last_error", message));
                failed.put(run.label(), message);
                if (failFast) {
                    break;
                }
            }
            logProgress(started, finished.size() + failed.size(), runs.size() - count);
        }
        return new Summary(skipped, finished, failed);
    }

    private static void logProgress(long started, int done, int remaining) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        long eta = done == 0 ? 0 : Math.round(elapsed / done * remaining);
        LOG.info(String.format(Locale.ROOT, "Sweep: runs done %d, to go %d | elapsed %s | ETA %s (from the mean run time)",
                done, remaining, Durations.format(elapsed), Durations.format(eta)));
    }
}
