package org.siammae.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.config.ConfigException;
import org.siammae.api.config.ConfigProblem;
import org.siammae.experiments.descriptor.DescriptorLocation;

class TablePlanTest {

    @TempDir Path folder;

    /** Makes a run folder look pretrained with another descriptor (hash 0123456789ab...). */
    private static void markPretrainedElsewhere(CellRun run) throws Exception {
        Files.createDirectories(run.folder());
        Files.writeString(run.folder().resolve(CellFolder.CELL_FILE), "{\"pretraining_sha256\": \"0123456789abcdef\"}");
    }

    private Path scale(String name, String text) throws Exception {
        Files.createDirectories(folder.resolve("scales"));
        return Files.writeString(folder.resolve("scales").resolve(name + ".yaml"), text);
    }

    @Test
    void runsGetCellSeedFoldersAndValues() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                name: ratios
                seeds: 2
                seed: 5
                sweep:
                  grid:
                    model.masking.target-ratio: [0.5, 0.9]
                """);
        TablePlan plan = TinyTables.plan(table);

        assertThat(plan.seeds()).containsExactly(5L, 6L);
        assertThat(plan.runs()).extracting(CellRun::label).containsExactly(
                "target-ratio-0.5/seed-5", "target-ratio-0.5/seed-6", "target-ratio-0.9/seed-5", "target-ratio-0.9/seed-6");
        CellRun run = plan.runs().get(3);
        assertThat(run.index()).isEqualTo(3);
        assertThat(run.folder()).isEqualTo(folder.resolve("runs/ratios/target-ratio-0.9/seed-6"));
        assertThat(run.spec().seed()).isEqualTo(6);
        assertThat(run.spec().name()).isEqualTo("ratios/target-ratio-0.9/seed-6");
        assertThat(run.spec().descriptor().get("model.masking")).isEqualTo(Map.of("name", "asymmetric", "target-ratio", 0.9));
        assertThat(run.spec().descriptor().root()).doesNotContainKeys("sweep", "seeds", "scale", "reference");
        assertThat(run.evaluations()).extracting(EvaluationEntry::task).containsExactly(CheckpointStatsTask.NAME);
    }

    @Test
    void axisOverrideDropsRemovedCellReferences() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                name: axis
                sweep:
                  grid:
                    model.masking.target-ratio: [0.5, 0.9]
                reference:
                  source: test
                  metrics: [checkpoint-stats/target-ratio]
                  cells: {target-ratio-0.5: [50.0], target-ratio-0.9: [90.0]}
                """);

        TablePlan plan = TinyTables.plan(table, "sweep.grid.model.masking.target-ratio=[0.9, 0.75]");

        assertThat(plan.runs()).extracting(CellRun::label)
                .containsExactly("target-ratio-0.9/seed-0", "target-ratio-0.75/seed-0");
        assertThat(plan.reference().cells()).containsOnlyKeys("target-ratio-0.9");
        assertThat(plan.reference().value("target-ratio-0.9", "checkpoint-stats/target-ratio")).isEqualTo(90.0);
        // Without the override, a reference to a missing cell is still a descriptor error.
        Path typo = TinyTables.write(folder, Files.readString(table).replace("target-ratio-0.5:", "target-ratio-0.6:"));
        assertThat(TinyTables.problems(typo)).extracting(ConfigProblem::key).contains("reference.cells.target-ratio-0.6");
    }

    @Test
    void layersApplyInOrderBaseScaleSweepOverride() throws Exception {
        scale("small", """
                description: test profile
                model:
                  encoder: {width: 8}
                  decoder: {depth: 2}
                train:
                  steps: 3
                evaluate:
                  checkpoint-stats: {data: .}
                """);
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                name: layers
                scale: small
                train: {steps: 7, log-every: 2}
                sweep:
                  grid:
                    model.decoder.depth: [1, 3]
                """);
        TablePlan plan = TinyTables.plan(table, "model.encoder.width=12", "data.batch-size=8");
        Map<?, ?> first = (Map<?, ?>) plan.runs().get(0).spec().descriptor().get("model");

        assertThat(plan.folder()).isEqualTo(folder.resolve("runs/layers-small"));
        assertThat(plan.scale()).get().extracting(ScaleProfile::name).isEqualTo("small");
        // The override beats the profile, the profile beats the table, the sweep beats the profile.
        assertThat(first.get("encoder")).isEqualTo(Map.of("name", "siamese", "width", 12, "depth", 1, "heads", 2));
        assertThat(plan.runs().get(0).spec().descriptor().get("train.steps")).isEqualTo(3);
        assertThat(plan.runs().get(0).spec().descriptor().get("train.log-every")).isEqualTo(2);
        assertThat(plan.runs()).extracting(r -> r.spec().descriptor().get("model.decoder.depth")).containsExactly(1, 3);
        assertThat(plan.runs().get(1).spec().descriptor().get("data.batch-size")).isEqualTo(8);
        assertThat(plan.runs().get(0).spec().evaluate()).containsExactly(Map.of("task", "checkpoint-stats", "data", "."));
    }

    @Test
    void profileReplacesComponentWithAnotherName() throws Exception {
        scale("other", """
                data:
                  source: {name: synthetic, clips: 4}
                  sampler: {name: fixed-gap, gap: 2}
                """);
        Path table = TinyTables.write(folder, "extends: base.yaml\nscale: other\n");
        Map<?, ?> data = (Map<?, ?>) TinyTables.plan(table).runs().get(0).spec().descriptor().get("data");

        // Same component: options merge. Other component: the old options do not leak into it.
        assertThat(data.get("source")).isEqualTo(Map.of("name", "synthetic", "clips", 4, "frames", 12, "frame-size", 20));
        assertThat(data.get("sampler")).isEqualTo(Map.of("name", "fixed-gap", "gap", 2));
    }

    @Test
    void profileFoundByPathOrName() throws Exception {
        Files.createDirectories(folder.resolve("profiles"));
        Files.writeString(folder.resolve("profiles/custom.yaml"), "train: {steps: 4}\n");
        scale("shared", "train: {steps: 5}\n");
        Files.createDirectories(folder.resolve("tables"));
        Files.writeString(folder.resolve("base.yaml"), TinyTables.BASE);
        Path byPath = Files.writeString(folder.resolve("tables/by-path.yaml"),
                "extends: ../base.yaml\nscale: ../profiles/custom.yaml\n");
        Path byName = Files.writeString(folder.resolve("tables/by-name.yaml"), "extends: ../base.yaml\nscale: shared\n");

        TablePlan custom = TinyTables.plan(byPath);
        TablePlan shared = TinyTables.plan(byName);

        assertThat(custom.scale()).get().extracting(ScaleProfile::name).isEqualTo("custom");
        assertThat(custom.runs().get(0).spec().descriptor().get("train.steps")).isEqualTo(4);
        assertThat(shared.scale()).get().extracting(ScaleProfile::file).isEqualTo(folder.resolve("scales/shared.yaml"));
        assertThat(shared.runs().get(0).spec().descriptor().get("train.steps")).isEqualTo(5);
    }

    @Test
    void profileSkipsUnnamedTasks() throws Exception {
        scale("bare", "evaluate: {}\n");
        Path table = TinyTables.write(folder, "extends: base.yaml\nscale: bare\n");
        CellRun run = TinyTables.plan(table).runs().get(0);

        assertThat(run.evaluations()).isEmpty();
        assertThat(run.skippedEvaluations()).containsExactly(CheckpointStatsTask.NAME);
    }

    @Test
    void unknownComponentInSweepPointsAtSweepLine() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                sweep:
                  grid:
                    model.encoder.name: [siamese, jont]
                """);
        List<ConfigProblem> problems = TinyTables.problems(table);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(table.toString());
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.key()).isEqualTo("model.encoder");
            assertThat(p.message()).contains("unknown encoder 'jont'", "did you mean 'joint'", "joint, siamese");
        });
    }

    @Test
    void misspelledSweepKeyPointsAtSweepLine() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                sweep:
                  grid:
                    model.masking.target-ration: [0.5, 0.9]
                """);
        List<ConfigProblem> problems = TinyTables.problems(table);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.key()).isEqualTo("model.masking.target-ration");
            assertThat(p.message()).contains("target-ratio");
        });
    }

    @Test
    void invalidSweepValueReportedOnce() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                seeds: 3
                sweep:
                  grid:
                    model.masking.target-ratio: [0.5, 1.5]
                """);
        List<ConfigProblem> problems = TinyTables.problems(table);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.key()).isEqualTo("model.masking.target-ratio");
        });
    }

    @Test
    void misspelledTableKeyGetsSuggestion() throws Exception {
        Path table = TinyTables.write(folder, "extends: base.yaml\nsweeep: {grid: {model.patch-size: [4]}}\n");
        List<ConfigProblem> problems = TinyTables.problems(table);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("sweeep");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("did you mean 'sweep'");
        });
    }

    @Test
    void cycleInExtendsIsReported() throws Exception {
        Files.writeString(folder.resolve("a.yaml"), "extends: b.yaml\nsweep: {grid: {model.patch-size: [4]}}\n");
        Files.writeString(folder.resolve("b.yaml"), "extends: a.yaml\n");

        assertThatThrownBy(() -> TinyTables.plan(folder.resolve("a.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cycle in extends: a.yaml -> b.yaml -> a.yaml");
    }

    @Test
    void misspeltEvaluationSequenceIsReportedBeforeCompute() throws Exception {
        // The smallest DAVIS layout the reader lists: one sequence with a frame and its annotation.
        Path davis = folder.resolve("davis");
        Files.createDirectories(davis.resolve("JPEGImages/480p/blackswan"));
        Files.createDirectories(davis.resolve("Annotations/480p/blackswan"));
        Files.writeString(davis.resolve("JPEGImages/480p/blackswan/00000.jpg"), "");
        Files.writeString(davis.resolve("Annotations/480p/blackswan/00000.png"), "");
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                evaluate:
                  - {task: davis, data: %s, sequences: [blackswam]}
                """.formatted(davis));

        List<ConfigProblem> problems = TinyTables.problems(table);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("evaluate[0].sequences");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("sequence 'blackswam' is not in", "did you mean 'blackswan'?");
        });
        assertThat(folder.resolve("runs")).doesNotExist();
    }

    @Test
    void missingDataRootsAreReportedBeforeCompute() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                data:
                  source: {name: video-folder, root: "${VIDEOS:-no/such/videos}"}
                evaluate:
                  - {task: checkpoint-stats, data: no/such/davis}
                """);
        List<ConfigProblem> problems = TinyTables.problems(table);

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("data.source.root", "evaluate[0].data");
        assertThat(problems).extracting(ConfigProblem::line).containsExactly(3, 5);
        assertThat(problems.get(0).message()).contains("data not found", "no/such/videos", "set VIDEOS or fix the path");
        assertThat(problems.get(1).message()).contains("no/such/davis", "fix the path or the environment variable");
        assertThat(folder.resolve("runs")).doesNotExist();
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                seeds: [1, 1]
                scale: huge
                model: {decoder: {name: cros}}
                sweep:
                  grid:
                    train.steps: [2]
                    seed: [0]
                evaluate:
                  - {task: davis-2017}
                reference:
                  source: test
                  metrics: [checkpoint-stats/target-ratio]
                  cells: {steps-3: [1.0]}
                """);
        List<ConfigProblem> problems = TinyTables.problems(table);

        assertThat(problems).extracting(ConfigProblem::key).contains(
                "seeds[1]", "scale", "sweep.grid.seed", "model.decoder", "evaluate[0]");
        // While the sweep itself is broken, reference values of cells it lacks are not reported too.
        assertThat(problems).extracting(ConfigProblem::key).doesNotContain("reference.cells.steps-3");
        assertThat(problems).filteredOn(p -> p.key().equals("scale")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'huge' not found", "scales/huge.yaml"));
        assertThat(problems).filteredOn(p -> p.key().equals("evaluate[0]")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unknown evaluation 'davis-2017'", "checkpoint-stats"));
    }

    @Test
    void overridingASweptKeyIsReported() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                sweep:
                  grid:
                    model.masking.target-ratio: [0.5, 0.9]
                """);
        List<ConfigProblem> problems = TinyTables.problems(table, "model.masking.target-ratio=0.7");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(DescriptorLocation.COMMAND_LINE);
            assertThat(p.message()).contains("is swept", "--cell");
        });
    }

    @Test
    void profileProblemsPointAtProfile() throws Exception {
        Path profile = scale("broken", """
                description: test
                modle: {image-size: 8}
                evaluate: {checkpoint-stats: 3}
                """);
        Path table = TinyTables.write(folder, "extends: base.yaml\nscale: broken\n");
        List<ConfigProblem> problems = TinyTables.problems(table);

        assertThat(problems).extracting(ConfigProblem::file).containsOnly(profile.toString());
        assertThat(problems).extracting(ConfigProblem::key).containsExactly("modle", "evaluate.checkpoint-stats");
        assertThat(problems).extracting(ConfigProblem::line).containsExactly(2, 3);
    }

    @Test
    void referenceRowsMustFitMetricsAndCells() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                sweep: {grid: {model.masking.target-ratio: [0.5]}}
                reference:
                  metrics: [checkpoint-stats/target-ratio, J&F]
                  cells:
                    target-ratio-0.5: [50.0]
                """);
        List<ConfigProblem> problems = TinyTables.problems(table);

        assertThat(problems).extracting(ConfigProblem::key).containsExactly(
                "reference.source", "reference.metrics[1]", "reference.cells.target-ratio-0.5");
    }

    @Test
    void folderOfAnotherDescriptorIsReported() throws Exception {
        Path table = TinyTables.write(folder, "extends: base.yaml\nname: t\n");
        CellRun run = TinyTables.plan(table).runs().get(0);
        markPretrainedElsewhere(run);

        List<ConfigProblem> problems = TinyTables.problems(table);
        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.message()).contains("pretrained with a different descriptor", "0123456789ab", run.folder().toString()));
        // Reports read such folders without failing; the run is marked stale instead.
        List<String> overrides = List.of("output=" + folder.resolve("runs"));
        assertThat(TablePlan.load(table, overrides, TinyTables.REGISTRY, TablePlan.Purpose.REPORT).runs()).hasSize(1);
    }

    @Test
    void folderProblemOfUnselectedCellIsIgnored() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                name: two
                sweep: {grid: {model.masking.target-ratio: [0.5, 0.9]}}
                """);
        CellRun stale = TinyTables.plan(table).runs().get(0);
        markPretrainedElsewhere(stale);
        List<String> overrides = List.of("output=" + folder.resolve("runs"));

        TablePlan other = TablePlan.load(table, overrides, TinyTables.REGISTRY, TablePlan.Purpose.RUN,
                run -> run.cell().id().equals("target-ratio-0.9"));

        assertThat(other.runs()).hasSize(2);
        assertThatThrownBy(() -> TablePlan.load(table, overrides, TinyTables.REGISTRY, TablePlan.Purpose.RUN,
                run -> run.cell().id().equals("target-ratio-0.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pretrained with a different descriptor");
    }

    @Test
    void rejectedOverrideSkipsFolderChecks() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                name: swept
                sweep: {grid: {model.masking.target-ratio: [0.5, 0.9]}}
                """);
        CellRun run = TinyTables.plan(table).runs().get(0);
        markPretrainedElsewhere(run);

        List<ConfigProblem> problems = TinyTables.problems(table, "model.masking.target-ratio=0.75");

        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.message()).contains("is swept by this table"));
    }

    @Test
    void scaleProfileIsFoundBesideExtendedTable(@TempDir Path elsewhere) throws Exception {
        scale("mini", "description: test profile\ntrain:\n  steps: 1\n");
        Path base = TinyTables.write(folder, "extends: base.yaml\nname: lib-table\n");
        Path table = Files.writeString(elsewhere.resolve("mine.yaml"), "extends: " + base + "\nname: mine\n");

        TablePlan plan = TablePlan.load(table, List.of("scale=mini", "output=" + elsewhere.resolve("runs")),
                TinyTables.REGISTRY, TablePlan.Purpose.RUN);

        assertThat(plan.scale()).get().extracting(ScaleProfile::file)
                .isEqualTo(folder.resolve("scales/mini.yaml").toAbsolutePath().normalize());
        assertThat(plan.runs().get(0).spec().descriptor().get("train.steps")).isEqualTo(1);
    }
}
