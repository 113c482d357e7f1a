package org.siammae.experiments.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.siammae.experiments.run.RunFolder;
import org.siammae.experiments.sweep.Reference;
import org.siammae.experiments.sweep.SweepValues;
import org.siammae.experiments.sweep.TablePlan;

/**
 * The reproducibility report of one run (one cell, one seed), {@code report.md}, {@code
 * report.json} and the loss curve {@code loss.png} in the run folder: its metrics beside the
 * published values, its provenance and its wall time.
 */
public final class RunReport {

    private RunReport() {}

    /**
     * Writes the report of a run.
     *
     * @param plan the table the run belongs to
     * @param result the run's figures
     * @throws IOException if a file cannot be written
     */
    public static void write(TablePlan plan, RunResult result) throws IOException {
        Reference reference = plan.reference();
        double factor = reference.percent() ? 100 : 1;
        String cell = result.run().cell().id();
        Set<String> metrics = new LinkedHashSet<>(reference.metrics());
        metrics.addAll(result.metrics().keySet());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("table", plan.name());
        json.put("cell", cell);
        json.put("values", result.run().cell().values());
        json.put("unit", reference.percent() ? "percent" : "fraction");
        json.put("reference", reference.source());
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String metric : metrics) {
            Double ours = result.metrics().get(metric);
            Double paper = reference.value(cell, metric);
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("ours", ours == null ? null : ours * factor);
            figure.put("paper", paper);
            figure.put("difference", ours == null || paper == null ? null : ours * factor - paper);
            figures.put(metric, figure);
        }
        json.put("metrics", figures);
        json.putAll(TableReport.runJson(result));
        json.put("provenance", result.provenance());
        Path folder = result.run().folder();
        RunFolder.writeAtomically(folder.resolve("report.json"), TableReport.JSON.writeValueAsString(json));

        StringBuilder md = new StringBuilder();
        md.append("# ").append(plan.name()).append(" / ").append(result.run().label()).append("\n\n");
        md.append("Swept values: ").append(SweepValues.describe(result.run().cell())).append("\n\n");
        List<String> header = List.of("metric", "ours", "paper", "Δ");
        MarkdownReport.row(md, header);
        MarkdownReport.separator(md, header.size());
        for (String metric : metrics) {
            @SuppressWarnings("unchecked")
            Map<String, Object> figure = (Map<String, Object>) figures.get(metric);
            List<String> cells = new ArrayList<>(List.of(metric));
            for (String key : List.of("ours", "paper", "difference")) {
                cells.add(figure.get(key) instanceof Double value
                        ? String.format(Locale.ROOT, reference.percent() ? "%.1f" : "%.3f", value) : "–");
            }
            MarkdownReport.row(md, cells);
        }
        md.append("\nValues in ").append(reference.percent() ? "percent" : "fractions").append(". Reference: ")
                .append(reference.source().isEmpty() ? "none" : reference.source()).append(".\n\n");
        md.append("## Provenance\n\n");
        MarkdownReport.row(md, List.of("item", "value"));
        MarkdownReport.separator(md, 2);
        MarkdownReport.row(md, List.of("descriptor", "`descriptor.yaml` (sha256 `"
                + result.run().spec().descriptor().sha256() + "`)"));
        MarkdownReport.row(md, List.of("seed", String.valueOf(result.run().seed())));
        ProvenanceSummary.of(List.of(result))
                .forEach((field, values) -> MarkdownReport.row(md, List.of(field, ProvenanceSummary.format(values))));
        MarkdownReport.row(md, List.of("steps", String.valueOf(result.steps())));
        MarkdownReport.row(md, List.of("wall time", Durations.format(result.pretrainSeconds())
                + " pretraining, " + Durations.format(result.evaluationSeconds()) + " evaluation"));
        if (LossChart.write(folder, plan.name() + " / " + result.run().label() + " - loss")) {
            md.append("\n![loss](").append(LossChart.FILE).append(")\n");
        }
        RunFolder.writeAtomically(folder.resolve("report.md"), md.toString());
    }
}
