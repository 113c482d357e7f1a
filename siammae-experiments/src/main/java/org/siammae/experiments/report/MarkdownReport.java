package org.siammae.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.siammae.experiments.sweep.CellFolder;
import org.siammae.experiments.sweep.Reference;
import org.siammae.experiments.sweep.ScaleProfile;
import org.siammae.experiments.sweep.SweepValues;

/** Renders a {@link TableReport} as Markdown. */
final class MarkdownReport {

    private MarkdownReport() {}

    /**
     * Renders the report.
     *
     * @param report the report
     * @param charted whether {@code chart.png} was written beside it
     */
    static String render(TableReport report, boolean charted) {
        StringBuilder md = new StringBuilder();
        Reference reference = report.plan().reference();
        String scale = report.plan().scale().map(ScaleProfile::name).orElse(null);
        md.append("# ").append(report.plan().name()).append(scale == null ? "" : " (scale " + scale + ")").append("\n\n");
        Object description = report.plan().table().root().get("description");
        if (description != null) {
            md.append(description.toString().strip()).append("\n\n");
        }
        if (!reference.source().isEmpty()) {
            md.append("Reference values: ").append(reference.source())
                    .append(reference.note().isEmpty() ? "" : ". " + reference.note()).append(".\n\n");
        }
        if (scale != null && !scale.equals("paper")) {
            md.append("> Scale `").append(scale).append("`: the runs are shrunk by ")
                    .append(TableReport.display(report.plan().scale().get().file())).append(". Their numbers test the pipeline and show")
                    .append(" directions at best; they are not expected to match the published values.\n\n");
        }
        results(md, report);
        if (charted) {
            md.append("![").append(report.chartedMetric()).append("](").append(BarChart.FILE).append(")\n\n");
        }
        runs(md, report);
        others(md, report);
        provenance(md, report);
        return md.toString();
    }

    private static void results(StringBuilder md, TableReport report) {
        Reference reference = report.plan().reference();
        List<String> keys = new ArrayList<>(report.plan().sweep().keys());

        md.append("## Results\n\n");
        md.append("Values in ").append(report.unit()).append("; ours are the mean over finished seeds,")
                .append(" with the half-width of the 95% confidence interval (Student's t) when there are 2 or")
                .append(" more; Δ is ours minus the published value.\n\n");
        List<String> header = new ArrayList<>(List.of("cell"));
        keys.forEach(key -> header.add("`" + key + "`"));
        header.add("seeds");
        for (String metric : report.metrics()) {
            header.add(metric + " ours");
            if (reference.metrics().contains(metric)) {
                header.add("paper");
                header.add("Δ");
            }
        }
        row(md, header);
        separator(md, header.size());

        for (TableReport.CellSummary cell : report.cells()) {
            List<String> cells = new ArrayList<>(List.of(cell.cell().id()));
            Map<String, Object> values = cell.cell().values();
            keys.forEach(key -> cells.add(text(values.get(key))));
            long usable = cell.runs().stream().filter(RunResult::usable).count();
            cells.add(usable + "/" + cell.runs().size());
            for (String metric : report.metrics()) {
                SeedStatistics stats = cell.statistics().get(metric);
                cells.add(ours(stats, report));
                if (reference.metrics().contains(metric)) {
                    Double paper = reference.value(cell.cell().id(), metric);
                    cells.add(paper == null ? "–" : number(paper, report));
                    cells.add(paper == null || stats.n() == 0 ? "–" : signed(stats.mean() - paper, report));
                }
            }
            row(md, cells);
        }
        md.append('\n');

        Set<String> skipped = new LinkedHashSet<>();
        report.results().forEach(r -> skipped.addAll(r.run().skippedEvaluations()));
        if (!skipped.isEmpty()) {
            md.append("Not evaluated at this scale (the scale profile has no settings for them): ")
                    .append(String.join(", ", skipped)).append(".\n\n");
        }
    }

    private static void runs(StringBuilder md, TableReport report) {
        md.append("## Runs\n\n");
        List<String> header = new ArrayList<>(List.of("run", "status", "steps", "final loss"));
        header.addAll(report.metrics());
        header.addAll(List.of("pretraining", "evaluation", "folder"));
        row(md, header);
        separator(md, header.size());
        double factor = report.plan().reference().percent() ? 100 : 1;
        for (RunResult result : report.results()) {
            List<String> cells = new ArrayList<>();
            cells.add(result.run().label());
            String status = result.stale() ? "stale (other descriptor)" : status(result.status());
            cells.add(result.error() == null ? status : status + ", failed: " + result.error().replace('|', '/'));
            cells.add(String.valueOf(result.steps()));
            cells.add(Double.isNaN(result.finalLoss()) ? "–" : String.format(Locale.ROOT, "%.4f", result.finalLoss()));
            for (String metric : report.metrics()) {
                Double value = result.metrics().get(metric);
                cells.add(value == null ? "–" : number(value * factor, report));
            }
            cells.add(Durations.format(result.pretrainSeconds()));
            cells.add(Durations.format(result.evaluationSeconds()));
            cells.add("`" + result.run().folder() + "`");
            row(md, cells);
        }
        md.append('\n');
    }

    private static void others(StringBuilder md, TableReport report) {
        Reference reference = report.plan().reference();
        if (reference.others().isEmpty()) {
            return;
        }
        md.append("## Published rows not run by this table\n\n");
        List<String> header = new ArrayList<>(List.of("method"));
        header.addAll(reference.metrics());
        row(md, header);
        separator(md, header.size());
        reference.others().forEach((name, values) -> {
            List<String> cells = new ArrayList<>(List.of(name));
            values.forEach(v -> cells.add(v == null ? "–" : number(v, report)));
            row(md, cells);
        });
        md.append('\n');
    }

    private static void provenance(StringBuilder md, TableReport report) {
        md.append("## Provenance\n\n");
        row(md, List.of("item", "value"));
        separator(md, 2);
        String table = TableReport.display(report.plan().table().file());
        row(md, List.of("table descriptor", "`" + table + "` (resolved: `table.yaml` in the table folder)"));
        row(md, List.of("resolved descriptor sha256", "`" + report.plan().table().sha256() + "`"));
        report.plan().scale().ifPresent(s -> row(md, List.of("scale profile",
                "`" + TableReport.display(s.file()) + "` (sha256 `" + s.sha256() + "`)")));
        row(md, List.of("seeds", report.plan().seeds().toString()));
        ProvenanceSummary.of(report.results())
                .forEach((field, values) -> row(md, List.of(field, ProvenanceSummary.format(values))));
        double pretrain = report.results().stream().mapToDouble(RunResult::pretrainSeconds).sum();
        double evaluation = report.results().stream().mapToDouble(RunResult::evaluationSeconds).sum();
        row(md, List.of("wall time", Durations.format(pretrain) + " pretraining, " + Durations.format(evaluation) + " evaluation"));
        md.append("\nEach run folder holds its resolved `descriptor.yaml`, `provenance.json`, `metrics.csv`,")
                .append(" `checkpoints/`, `summary.json`, `cell.json` and `eval/<index>-<task>/result.json`.\n");
    }

    private static String ours(SeedStatistics stats, TableReport report) {
        if (stats == null || stats.n() == 0) {
            return "–";
        }
        String mean = number(stats.mean(), report);
        return stats.n() < 2 ? mean : mean + " ± " + number(stats.halfWidth(), report);
    }

    private static String status(CellFolder.Status status) {
        return switch (status) {
            case NEW -> "not started";
            case PRETRAINING -> "pretraining unfinished";
            case EVALUATING -> "evaluation unfinished";
            case FINISHED -> "finished";
        };
    }

    static String number(double value, TableReport report) {
        return String.format(Locale.ROOT, report.plan().reference().percent() ? "%.1f" : "%.3f", value);
    }

    private static String signed(double value, TableReport report) {
        String text = number(value, report);
        return value > 0 ? "+" + text : text;
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return "`" + SweepValues.flow(value) + "`";
        }
        return String.valueOf(value);
    }

    static void row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    static void separator(StringBuilder md, int columns) {
        md.append("|").append("---|".repeat(columns)).append('\n');
    }
}
