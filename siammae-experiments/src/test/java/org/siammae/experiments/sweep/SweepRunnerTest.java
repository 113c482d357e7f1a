package org.siammae.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.experiments.report.RunReport;
import org.siammae.experiments.report.RunResult;
import org.siammae.experiments.report.TableReport;

/** Runs a tiny table end to end: 2 cells x 2 seeds of 2 steps each on synthetic clips. */
class SweepRunnerTest {

    private static final String TABLE =
            """
            extends: base.yaml
            name: tiny-table
            seeds: 2
            sweep:
              grid:
                model.masking.target-ratio: [0.5, 0.75]
            reference:
              source: made-up values for the test
              unit: fraction
              metrics: [checkpoint-stats/target-ratio, checkpoint-stats/mean-abs-weight]
              cells:
                target-ratio-0.5: [0.4, null]
            """;

    @TempDir Path folder;

    @Test
    void tableRunsSkipsFinishedAndResumesTheRest() throws Exception {
        Path table = TinyTables.write(folder, TABLE);
        TablePlan plan = TinyTables.plan(table);
        SweepRunner runner = new SweepRunner(plan, TinyTables.REGISTRY);
        int before = CheckpointStatsTask.CALLS.get();

        SweepRunner.Summary first = runner.run(plan.runs(), false, run -> RunReport.write(plan, RunResult.read(run)));

        assertThat(first.finished()).hasSize(4);
        assertThat(first.failed()).isEmpty();
        assertThat(CheckpointStatsTask.CALLS.get() - before).isEqualTo(4);
        for (CellRun run : plan.runs()) {
            assertThat(CellFolder.status(run)).isEqualTo(CellFolder.Status.FINISHED);
            for (String name : List.of("descriptor.yaml", "provenance.json", "metrics.csv", "summary.json",
                    "cell.json", "report.md", "report.json", "loss.png", "eval/0-checkpoint-stats/result.json")) {
                assertThat(run.folder().resolve(name)).as(run.label() + " " + name).isRegularFile();
            }
        }

        // A second run skips everything.
        SweepRunner.Summary second = runner.run(plan.runs(), false, run -> { });
        assertThat(second.skipped()).hasSize(4);
        assertThat(CheckpointStatsTask.CALLS.get() - before).isEqualTo(4);

        // Lose one run's evaluation and the pretraining summary of another: only those are redone.
        CellRun evaluated = plan.runs().get(1);
        Files.delete(CellFolder.resultFile(evaluated, evaluated.evaluations().get(0)));
        CellRun pretrained = plan.runs().get(2);
        Files.delete(pretrained.folder().resolve(CellFolder.SUMMARY_FILE));
        SweepRunner.Summary third = runner.run(plan.runs(), false, run -> { });

        assertThat(third.finished()).containsExactly(evaluated.label(), pretrained.label());
        assertThat(CheckpointStatsTask.CALLS.get() - before).isEqualTo(5);
        assertThat(evaluated.folder().resolve("eval")).isDirectoryContaining(p ->
                p.getFileName().toString().startsWith("0-checkpoint-stats.interrupted-"));
        assertThat(CellFolder.status(pretrained)).isEqualTo(CellFolder.Status.FINISHED);
    }

    @Test
    void reportGivesMeanAndIntervalAcrossSeeds() throws Exception {
        Path table = TinyTables.write(folder, TABLE);
        TablePlan plan = TinyTables.plan(table);
        new SweepRunner(plan, TinyTables.REGISTRY).run(plan.runs(), false, run -> { });

        Path reportFolder = TableReport.read(plan).write();

        assertThat(reportFolder.resolve("report.md")).isRegularFile();
        assertThat(reportFolder.resolve("chart.png")).isRegularFile();
        assertThat(Files.readAllBytes(reportFolder.resolve("chart.png"))).startsWith(0x89, 'P', 'N', 'G');
        Map<?, ?> json = new ObjectMapper().readValue(reportFolder.resolve("report.json").toFile(), Map.class);
        Map<?, ?> cell = (Map<?, ?>) ((List<?>) json.get("cells")).get(0);
        Map<?, ?> ratio = (Map<?, ?>) ((Map<?, ?>) cell.get("metrics")).get("checkpoint-stats/target-ratio");
        assertThat(ratio.get("n")).isEqualTo(2);
        assertThat((Double) ratio.get("mean")).isCloseTo(0.5, within(1e-12));
        assertThat((Double) ratio.get("difference")).isCloseTo(0.1, within(1e-12));

        // The interval of the seed-dependent weight statistic, computed by hand from the two runs:
        // mean +- t(0.975, 1) * s / sqrt(2), where t(0.975, 1) = 12.7062.
        List<?> runs = (List<?>) cell.get("runs");
        double a = ((Number) ((Map<?, ?>) ((Map<?, ?>) runs.get(0)).get("metrics")).get("checkpoint-stats/mean-abs-weight")).doubleValue();
        double b = ((Number) ((Map<?, ?>) ((Map<?, ?>) runs.get(1)).get("metrics")).get("checkpoint-stats/mean-abs-weight")).doubleValue();
        assertThat(a).isNotEqualTo(b);
        double mean = (a + b) / 2;
        double sd = Math.abs(a - b) / Math.sqrt(2);
        double half = 12.706204736174698 * sd / Math.sqrt(2);
        assertThat(new TDistribution(1).inverseCumulativeProbability(0.975)).isCloseTo(12.7062, within(1e-4));
        Map<?, ?> weight = (Map<?, ?>) ((Map<?, ?>) cell.get("metrics")).get("checkpoint-stats/mean-abs-weight");
        assertThat((Double) weight.get("mean")).isCloseTo(mean, within(1e-12));
        assertThat((Double) weight.get("ci95_low")).isCloseTo(mean - half, within(1e-9));
        assertThat((Double) weight.get("ci95_high")).isCloseTo(mean + half, within(1e-9));

        // Each run's final loss is the one its summary.json gives: the mean of the last log interval.
        for (int i = 0; i < 2; i++) {
            Path summary = plan.runs().get(i).folder().resolve("summary.json");
            Object expected = new ObjectMapper().readValue(summary.toFile(), Map.class).get("final_window_mean_loss");
            assertThat(((Map<?, ?>) runs.get(i)).get("final_loss")).as("run %d", i).isNotNull().isEqualTo(expected);
        }

        String markdown = Files.readString(reportFolder.resolve("report.md"));
        assertThat(markdown).contains("| target-ratio-0.5 | 0.5 | 2/2 | 0.500 ± 0.000 | 0.400 | +0.100 |");
        assertThat(markdown).contains("git commit", "data index fingerprint", "DJL", "engine");
    }

    @Test
    void changedEvaluationRerunsOnlyTheEvaluation() throws Exception {
        Path table = TinyTables.write(folder, "extends: base.yaml\nname: changed\n");
        TablePlan plan = TinyTables.plan(table);
        new SweepRunner(plan, TinyTables.REGISTRY).run(plan.runs(), false, r -> { });
        CellRun run = plan.runs().get(0);
        long checkpointTime = Files.getLastModifiedTime(run.folder().resolve(CellFolder.SUMMARY_FILE)).toMillis();
        int before = CheckpointStatsTask.CALLS.get();

        // Same pretraining, one evaluation changed and one added.
        TablePlan changed = TinyTables.plan(table,
                "evaluate=[{task: checkpoint-stats, data: .}, {task: checkpoint-stats}]");
        CellRun again = changed.runs().get(0);
        assertThat(CellFolder.status(again)).isEqualTo(CellFolder.Status.EVALUATING);
        assertThat(CellFolder.evaluationFinished(again, again.evaluations().get(0))).isFalse();
        new SweepRunner(changed, TinyTables.REGISTRY).run(changed.runs(), false, r -> { });

        assertThat(CheckpointStatsTask.CALLS.get() - before).isEqualTo(2);
        assertThat(Files.getLastModifiedTime(run.folder().resolve(CellFolder.SUMMARY_FILE)).toMillis())
                .isEqualTo(checkpointTime);
        assertThat(run.folder().resolve("eval")).isDirectoryContaining(p ->
                p.getFileName().toString().startsWith("0-checkpoint-stats.replaced-"));
        assertThat(CellFolder.status(again)).isEqualTo(CellFolder.Status.FINISHED);
        assertThat(Files.readString(run.folder().resolve("descriptor.yaml"))).contains("data: .");
    }

    @Test
    void resumedRunLogsEachStepOnce() throws Exception {
        Path table = TinyTables.write(folder, "extends: base.yaml\nname: resumed\n");
        TablePlan plan = TinyTables.plan(table, "train.checkpoint-every=1", "train.keep-checkpoints=true");
        CellRun run = plan.runs().get(0);
        SweepRunner runner = new SweepRunner(plan, TinyTables.REGISTRY);
        runner.run(plan.runs(), false, r -> { });

        // Interrupt after step 2 was logged but before its checkpoint and the summary were written.
        Path last = run.folder().resolve("checkpoints/step-0000002");
        try (var files = Files.list(last)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(last);
        Files.delete(run.folder().resolve(CellFolder.SUMMARY_FILE));
        runner.run(plan.runs(), false, r -> { });

        List<String> steps = Files.readAllLines(run.folder().resolve("metrics.csv")).stream()
                .skip(1).map(line -> line.split(",")[0]).toList();
        assertThat(steps).containsExactly("1", "2");
        assertThat(run.folder()).isDirectoryContaining(p -> p.getFileName().toString().startsWith("metrics-before-resume-"));
        assertThat(CellFolder.status(run)).isEqualTo(CellFolder.Status.FINISHED);
        // The cell's pretraining time is the summary's, which counts both sessions.
        Map<?, ?> summary = new ObjectMapper().readValue(run.folder().resolve(CellFolder.SUMMARY_FILE).toFile(), Map.class);
        Map<?, ?> cell = new ObjectMapper().readValue(run.folder().resolve(CellFolder.CELL_FILE).toFile(), Map.class);
        assertThat(Files.readAllLines(run.folder().resolve("sessions.csv"))).hasSize(3);
        assertThat(cell.get("pretrain_wall_seconds")).isEqualTo(summary.get("wall_seconds"));
    }

    @Test
    void failingRunIsRecordedAndOthersGoOn() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                name: failing
                sweep:
                  grid:
                    model.masking.target-ratio: [0.5, 0.75]
                """);
        TablePlan plan = TinyTables.plan(table, "evaluate=[{task: checkpoint-stats, fail: true}]");

        SweepRunner.Summary summary = new SweepRunner(plan, TinyTables.REGISTRY).run(plan.runs(), false, run -> { });

        assertThat(summary.failed()).containsOnlyKeys("target-ratio-0.5/seed-0", "target-ratio-0.75/seed-0");
        assertThat(summary.failed().values()).allSatisfy(m -> assertThat(m).contains("failed on purpose"));
        CellRun run = plan.runs().get(0);
        assertThat(CellFolder.status(run)).isEqualTo(CellFolder.Status.EVALUATING);
        assertThat(RunResult.read(run).error()).contains("failed on purpose");
    }
}
