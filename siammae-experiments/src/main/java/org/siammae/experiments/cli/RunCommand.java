package org.siammae.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigLocation;
import org.siammae.experiments.descriptor.DescriptorLocation;
import org.siammae.experiments.report.Durations;
import org.siammae.experiments.report.RunReport;
import org.siammae.experiments.report.RunResult;
import org.siammae.experiments.report.TableReport;
import org.siammae.experiments.sweep.CellRun;
import org.siammae.experiments.sweep.CostEstimator;
import org.siammae.experiments.sweep.SweepRunner;
import org.siammae.experiments.sweep.SweepValues;
import org.siammae.experiments.sweep.TablePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code siammae run}: runs every cell of a table descriptor, then writes the table report. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a table: pretrain every cell and seed, then the evaluations it names, each run in"
                    + " <output>/<name>[-<scale>]/<cell>/seed-<seed>/; then write the table report.",
            "Every descriptor problem is reported before any compute. Finished runs are skipped,"
                    + " unfinished ones resume from their newest checkpoint."
        })
final class RunCommand implements Callable<Integer> {

    @Mixin DescriptorArguments arguments;

    @Option(names = "--dry-run", description = "list the runs with their state and estimated cost; train nothing")
    boolean dryRun;

    @Option(names = "--no-measure",
            description = "with --dry-run: do not time model passes for runs without a loss log")
    boolean noMeasure;

    @Option(names = "--cell", paramLabel = "ID",
            description = "run only this cell (all its seeds) or this run (ID/seed-N); repeatable")
    List<String> cells = new ArrayList<>();

    @Option(names = "--array-index", paramLabel = "N",
            description = "run only the run at this 0-based position of the run list (Slurm array tasks)")
    Integer arrayIndex;

    @Option(names = "--no-report", description = "do not write the table report at the end")
    boolean noReport;

    @Option(names = "--fail-fast", description = "stop at the first failing run instead of going on")
    boolean failFast;

    @Override
    public Integer call() throws Exception {
        ComponentRegistry registry = ComponentRegistry.discover();
        // Data roots and run folders are checked only for the runs about to run, so that a problem
        // in another cell's folder does not block the cells picked with --cell.
        TablePlan plan = TablePlan.load(
                arguments.descriptor, arguments.overrides, registry, TablePlan.Purpose.RUN, this::selected);
        List<CellRun> runs = select(plan);
        if (dryRun) {
            printPlan(plan, runs, new CostEstimator(registry, !noMeasure).estimate(runs));
            return 0;
        }
        SweepRunner.Summary summary = new SweepRunner(plan, registry)
                .run(runs, failFast, run -> RunReport.write(plan, RunResult.read(run)));
        System.out.printf("runs: %d finished now, %d finished earlier, %d failed%n",
                summary.finished().size(), summary.skipped().size(), summary.failed().size());
        summary.failed().forEach((run, error) -> System.out.println("  failed " + run + ": " + error));
        if (!noReport && arrayIndex == null) {
            Path folder = TableReport.read(plan).write();
            System.out.println("report: " + folder.resolve("report.md"));
        }
        return summary.failed().isEmpty() ? 0 : 1;
    }

    private List<CellRun> select(TablePlan plan) {
        List<CellRun> all = plan.runs();
        if (arrayIndex != null) {
            if (arrayIndex < 0 || arrayIndex >= all.size()) {
                throw new ConfigException(ConfigLocation.of(DescriptorLocation.COMMAND_LINE).problem("--array-index",
                        arrayIndex + " is outside the run list 0.." + (all.size() - 1) + "; list the runs with --dry-run"));
            }
            return List.of(all.get(arrayIndex));
        }
        if (cells.isEmpty()) {
            return all;
        }
        Set<CellRun> chosen = new LinkedHashSet<>();
        for (String wanted : cells) {
            List<CellRun> matches = all.stream().filter(r -> matches(r, wanted)).toList();
            if (matches.isEmpty()) {
                throw new ConfigException(ConfigLocation.of(DescriptorLocation.COMMAND_LINE).problem("--cell",
                        wanted + " matches no run; cells: " + plan.sweep().cells().stream().map(c -> c.id()).toList()));
            }
            chosen.addAll(matches);
        }
        return all.stream().filter(chosen::contains).toList();
    }

    /** Returns whether the options pick a run: all runs without --cell or --array-index. */
    private boolean selected(CellRun run) {
        if (arrayIndex != null) {
            return run.index() == arrayIndex;
        }
        return cells.isEmpty() || cells.stream().anyMatch(id -> matches(run, id));
    }

    private static boolean matches(CellRun run, String id) {
        return run.cell().id().equals(id) || run.label().equals(id);
    }

    private static void printPlan(TablePlan plan, List<CellRun> runs, List<CostEstimator.Estimate> estimates) {
        String scale = plan.scale().map(s -> "scale " + s.name() + " (" + s.file() + ")").orElse("no scale profile");
        System.out.printf("Table %s, %s: %s x %s = %s in %s%n", plan.name(), scale,
                count(plan.sweep().cells().size(), "cell"), count(plan.seeds().size(), "seed"),
                count(plan.runs().size(), "run"), plan.folder());
        System.out.printf("%4s  %-36s %-22s %-13s %10s %9s %11s  %-36s %s%n", "#", "run", "status", "steps",
                "parameters", "s/step", "time left", "s/step estimated from", "evaluations");
        double total = 0;
        int unestimated = 0;
        for (CostEstimator.Estimate estimate : estimates) {
            CellRun run = estimate.run();
            double left = estimate.remainingSeconds();
            total += Double.isNaN(left) ? 0 : left;
            unestimated += Double.isNaN(left) ? 1 : 0;
            List<String> evaluations = new ArrayList<>(run.evaluations().stream().map(e -> e.task()).toList());
            run.skippedEvaluations().forEach(task -> evaluations.add(task + " (skipped at this scale)"));
            System.out.printf(Locale.ROOT, "%4d  %-36s %-22s %-13s %10s %9s %11s  %-36s %s%n",
                    run.index(), run.label(), estimate.status().name().toLowerCase(Locale.ROOT),
                    estimate.doneSteps() + "/" + estimate.totalSteps(), compact(estimate.parameters()),
                    Double.isNaN(estimate.secondsPerStep()) ? "?" : String.format(Locale.ROOT, "%.3f", estimate.secondsPerStep()),
                    Double.isNaN(left) ? "?" : Durations.format(left), estimate.source(), String.join(", ", evaluations));
        }
        System.out.println();
        for (var cell : plan.sweep().cells()) {
            System.out.println("  " + cell.id() + ": " + SweepValues.describe(cell));
        }
        String timeLeft = unestimated == 0 ? Durations.format(total)
                : unestimated == estimates.size() ? "unknown, since no run was timed (drop --no-measure to time them)"
                : "at least " + Durations.format(total) + " (" + count(unestimated, "run") + " not estimated)";
        System.out.printf("%nEstimated pretraining time left, evaluations not included: %s. Run without --dry-run"
                + " to start; finished runs are skipped.%n", timeLeft);
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String compact(long count) {
        return count >= 1_000_000 ? String.format(Locale.ROOT, "%.1fM", count / 1e6)
                : String.format(Locale.ROOT, "%.1fk", count / 1e3);
    }
}
