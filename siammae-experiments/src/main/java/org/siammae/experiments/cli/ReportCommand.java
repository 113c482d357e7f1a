package org.siammae.experiments.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.experiments.report.SeedStatistics;
import org.siammae.experiments.report.TableReport;
import org.siammae.experiments.sweep.TablePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code siammae report}: writes the report of a table from the runs finished so far. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write the reproducibility report of a table (report.md, report.json, chart.png in"
                    + " <table folder>/report/) from whatever runs have finished, computing nothing.",
            "Use the same descriptor and overrides as for 'run', for example after a Slurm array."
        })
final class ReportCommand implements Callable<Integer> {

    @Mixin DescriptorArguments arguments;

    @Override
    public Integer call() throws Exception {
        TablePlan plan = TablePlan.load(
                arguments.descriptor, arguments.overrides, ComponentRegistry.discover(), TablePlan.Purpose.REPORT);
        TableReport report = TableReport.read(plan);
        Path folder = report.write();
        String metric = report.chartedMetric();
        if (metric != null) {
            System.out.printf("%-40s %14s %8s%n", "cell", metric, "paper");
            for (TableReport.CellSummary cell : report.cells()) {
                SeedStatistics stats = cell.statistics().get(metric);
                Double paper = plan.reference().value(cell.cell().id(), metric);
                System.out.printf(Locale.ROOT, "%-40s %14s %8s%n", cell.cell().id(),
                        stats.n() == 0 ? "-" : String.format(Locale.ROOT, "%.2f (n=%d)", stats.mean(), stats.n()),
                        paper == null ? "-" : String.format(Locale.ROOT, "%.1f", paper));
            }
        }
        long usable = report.results().stream().filter(r -> r.usable()).count();
        System.out.printf("%d of %d runs finished; report: %s%n", usable, report.results().size(),
                folder.resolve("report.md"));
        return 0;
    }
}
