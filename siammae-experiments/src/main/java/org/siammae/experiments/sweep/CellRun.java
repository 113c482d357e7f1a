package org.siammae.experiments.sweep;

import java.nio.file.Path;
import java.util.List;
import org.siammae.experiments.ExperimentSpec;

/**
 * One run of a table: a cell with one seed, in its own folder {@code <table folder>/<cell
 * id>/seed-<seed>}.
 *
 * @param index the position in the table's run order (the Slurm array index)
 * @param cell the cell
 * @param seed the run seed
 * @param folder the run folder
 * @param spec the cell's checked experiment, whose descriptor the run folder records
 * @param evaluations the checked evaluations to run after pretraining
 * @param skippedEvaluations tasks of the table that the scale profile skips, one per entry
 */
public record CellRun(
        int index,
        Sweep.Cell cell,
        long seed,
        Path folder,
        ExperimentSpec spec,
        List<EvaluationEntry> evaluations,
        List<String> skippedEvaluations) {

    /** Returns {@code <cell id>/seed-<seed>}, the run's name in logs and selections. */
    public String label() {
        return cell.id() + "/" + seedFolder(seed);
    }

    /**
     * Returns the folder name of a seed.
     *
     * @param seed the seed
     */
    public static String seedFolder(long seed) {
        return "seed-" + seed;
    }
}
