package org.siammae.experiments.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siammae.experiments.run.RunFolder;
import org.siammae.experiments.sweep.Reference;
import org.siammae.experiments.sweep.CellRun;
import org.siammae.experiments.sweep.ScaleProfile;
import org.siammae.experiments.sweep.Sweep;
import org.siammae.experiments.sweep.TablePlan;

/**
 * The reproducibility report of a table: for each cell our mean and 95% confidence interval
 * across seeds beside the published value and the difference, every run's own figures, and the
 * provenance of the runs. Written to {@code <table folder>/report/} as {@code report.md}, {@code
 * report.json} and {@code chart.png}; reading it computes nothing and runs in any state of the
 * table (unfinished runs are listed as such).
 */
public final class TableReport {

    /** The folder of the table report inside the table folder. */
    public static final String FOLDER = "report";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One cell's figures.
     *
     * @param cell the cell
     * @param runs its runs, one per seed
     * @param statistics metric id to statistics over usable runs, in display unit
     */
    public record CellSummary(Sweep.Cell cell, List<RunResult> runs, Map<String, SeedStatistics> statistics) {}

    private final TablePlan plan;
    private final List<CellSummary> cells;
    private final List<String> metrics;
    private final List<RunResult> results;

    private TableReport(TablePlan plan, List<CellSummary> cells, List<String> metrics, List<RunResult> results) {
        this.plan = plan;
        this.cells = cells;
        this.metrics = metrics;
        this.results = results;
    }

    /**
     * Reads every run of a table.
     *
     * @param plan the table
     * @throws IOException if a result file cannot be read
     */
    public static TableReport read(TablePlan plan) throws IOException {
        List<RunResult> results = new ArrayList<>();
        for (CellRun run : plan.runs()) {
            results.add(RunResult.read(run));
        }
        Set<String> metrics = new LinkedHashSet<>(plan.reference().metrics());
        results.forEach(r -> metrics.addAll(r.metrics().keySet()));
        double factor = plan.reference().percent() ? 100 : 1;

        List<CellSummary> cells = new ArrayList<>();
        for (Sweep.Cell cell : plan.sweep().cells()) {
            List<RunResult> runs = results.stream().filter(r -> r.run().cell().id().equals(cell.id())).toList();
            Map<String, SeedStatistics> statistics = new LinkedHashMap<>();
            for (String metric : metrics) {
                List<Double> values = runs.stream()
                        .filter(RunResult::usable)
                        .map(r -> r.metrics().get(metric))
                        .filter(v -> v != null && !v.isNaN())
                        .toList();
                statistics.put(metric, SeedStatistics.of(values).times(factor));
            }
            cells.add(new CellSummary(cell, runs, statistics));
        }
        return new TableReport(plan, cells, new ArrayList<>(metrics), results);
    }

    /** Returns the table. */
    public TablePlan plan() {
        return plan;
    }

    /** Returns the cells' figures in sweep order. */
    public List<CellSummary> cells() {
        return cells;
    }

    /** Returns the metric ids: the reference's first, then any others the runs reported. */
    public List<String> metrics() {
        return metrics;
    }

    /** Returns every run's figures. */
    public List<RunResult> results() {
        return results;
    }

    /** Returns the metric that the chart shows, or null when there is none. */
    public String chartedMetric() {
        return metrics.isEmpty() ? null : metrics.get(0);
    }

    /** Returns the unit of cell statistics and references: {@code percent} or {@code fraction}. */
    public String unit() {
        return plan.reference().percent() ? "percent" : "fraction";
    }

    /**
     * Writes {@code report.md}, {@code report.json} and {@code chart.png} (when there is a metric),
     * and the report of every finished run in its folder.
     *
     * @return the report folder
     * @throws IOException if a file cannot be written
     */
    public Path write() throws IOException {
        for (RunResult result : results) {
            if (result.usable()) {
                RunReport.write(plan, result);
            }
        }
        Path folder = plan.folder().resolve(FOLDER);
        Files.createDirectories(folder);
        boolean charted = chartedMetric() != null && BarChart.write(this, folder.resolve(BarChart.FILE));
        RunFolder.writeAtomically(folder.resolve("report.json"), JSON.writeValueAsString(json()));
        RunFolder.writeAtomically(folder.resolve("report.md"), MarkdownReport.render(this, charted));
        return folder;
    }

    /** Returns the report as a JSON tree. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("table", plan.name());
        json.put("scale", plan.scale().map(ScaleProfile::name).orElse(null));
        json.put("scale_profile", plan.scale().map(s -> display(s.file())).orElse(null));
        json.put("scale_profile_sha256", plan.scale().map(ScaleProfile::sha256).orElse(null));
        json.put("generated", Instant.now().toString());
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("file", display(plan.table().file()));
        descriptor.put("sha256", plan.table().sha256());
        descriptor.put("resolved", plan.folder().resolve("table.yaml").toString());
        json.put("table_descriptor", descriptor);
        json.put("seeds", plan.seeds());
        Reference reference = plan.reference();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("source", reference.source());
        source.put("note", reference.note());
        json.put("reference", source);
        json.put("unit", unit());
        json.put("unit_note", "cells[].metrics and references are in 'unit'; runs[].metrics are as the"
                + " evaluation tasks report them (fractions)");
        json.put("metrics", metrics);

        List<Object> cellList = new ArrayList<>();
        for (CellSummary cell : cells) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", cell.cell().id());
            entry.put("values", cell.cell().values());
            Map<String, Object> figures = new LinkedHashMap<>();
            cell.statistics().forEach((metric, stats) -> {
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put("n", stats.n());
                figure.put("mean", finite(stats.mean()));
                figure.put("sd", finite(stats.standardDeviation()));
                figure.put("ci95_low", finite(stats.low()));
                figure.put("ci95_high", finite(stats.high()));
                Double paper = reference.value(cell.cell().id(), metric);
                figure.put("paper", paper);
                figure.put("difference", paper == null ? null : finite(stats.mean() - paper));
                figures.put(metric, figure);
            });
            entry.put("metrics", figures);
            entry.put("runs", cell.runs().stream().map(TableReport::runJson).toList());
            cellList.add(entry);
        }
        json.put("cells", cellList);
        json.put("others", reference.others());
        json.put("provenance", ProvenanceSummary.of(results));
        Map<String, Object> wall = new LinkedHashMap<>();
        wall.put("pretraining", results.stream().mapToDouble(RunResult::pretrainSeconds).sum());
        wall.put("evaluation", results.stream().mapToDouble(RunResult::evaluationSeconds).sum());
        json.put("wall_seconds", wall);
        return json;
    }

    static Map<String, Object> runJson(RunResult result) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("seed", result.run().seed());
        run.put("status", result.stale() ? "stale" : result.status().name().toLowerCase(java.util.Locale.ROOT));
        run.put("folder", result.run().folder().toString());
        run.put("descriptor_sha256", result.run().spec().descriptor().sha256());
        run.put("steps", result.steps());
        run.put("final_loss", finite(result.finalLoss()));
        run.put("metrics", result.metrics());
        run.put("pretrain_wall_seconds", result.pretrainSeconds());
        run.put("evaluation_wall_seconds", result.evaluationSeconds());
        run.put("skipped_evaluations", result.run().skippedEvaluations());
        run.put("error", result.error());
        return run;
    }

    /**
     * Returns a path relative to the working directory when it lies inside it, so that reports
     * read the same on every machine, and as it is otherwise.
     *
     * @param path a path
     */
    static String display(Path path) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute).toString() : path.toString();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
