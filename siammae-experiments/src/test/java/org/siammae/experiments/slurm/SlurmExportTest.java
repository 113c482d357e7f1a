package org.siammae.experiments.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.experiments.sweep.TablePlan;

class SlurmExportTest {

    @TempDir Path folder;

    private TablePlan plan(Path table, List<String> overrides) throws Exception {
        Files.writeString(table, """
                name: slurm-test
                model: {image-size: 16, patch-size: 4, encoder: {name: siamese, width: 16, depth: 1, heads: 2},
                        decoder: {name: cross-self, width: 16, depth: 1, heads: 2}, masking: {name: asymmetric}}
                data: {source: {name: synthetic}, batch-size: 4}
                train: {steps: 2}
                seeds: 2
                sweep: {grid: {model.masking.target-ratio: [0.5, 0.9]}}
                """);
        return TablePlan.load(table, overrides, ComponentRegistry.discover(), TablePlan.Purpose.REPORT);
    }

    @Test
    void arrayTaskPerRunWithOverrides() throws Exception {
        Path table = folder.resolve("my table.yaml");
        List<String> overrides = List.of("output=" + folder.resolve("runs"), "train.steps=3", "name=it's");
        TablePlan plan = plan(table, overrides);
        SlurmExport.Options options = new SlurmExport.Options(folder.resolve("slurm"), Path.of("/opt/siammae/bin/siammae"),
                "gpu", "1-00:00:00", 1, 8, "64G", 2, List.of("--account=vision"));

        List<Path> files = SlurmExport.write(plan, table, overrides, options);

        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("runs.tsv", "array.sbatch", "report.sbatch", "submit.sh");
        String array = Files.readString(folder.resolve("slurm/array.sbatch"));
        assertThat(array).contains("#SBATCH --array=0-3%2\n", "#SBATCH --signal=B:TERM@180\n", "#SBATCH --partition=gpu\n", "#SBATCH --time=1-00:00:00\n",
                "#SBATCH --gres=gpu:1\n", "#SBATCH --cpus-per-task=8\n", "#SBATCH --mem=64G\n", "#SBATCH --account=vision\n",
                "export SIAMMAE_NO_BUILD=1\n");
        assertThat(array).contains("exec '/opt/siammae/bin/siammae' run '" + table + "' 'output=" + folder.resolve("runs")
                + "' 'train.steps=3' 'name=it'\\''s' --array-index \"$SLURM_ARRAY_TASK_ID\" --no-report\n");
        assertThat(Files.readString(folder.resolve("slurm/report.sbatch"))).contains("' report '" + table + "'");
        assertThat(Files.readString(folder.resolve("slurm/submit.sh"))).contains("--dependency=afterany:$array report.sbatch");
        List<String> runs = Files.readAllLines(folder.resolve("slurm/runs.tsv"));
        assertThat(runs).hasSize(5);
        assertThat(runs.get(4)).startsWith("3\ttarget-ratio-0.9/seed-1\ttarget-ratio-0.9\t1\tnew\t");
        assertThat(folder.resolve("slurm/submit.sh")).isExecutable();
    }

    @Test
    void scriptsAreValidBash() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is not installed; skipping the syntax check");
        Path table = folder.resolve("table.yaml");
        List<String> overrides = List.of("output=" + folder.resolve("runs"));
        SlurmExport.write(plan(table, overrides), table, overrides, new SlurmExport.Options(
                folder.resolve("slurm"), Path.of("siammae"), null, null, 0, 4, null, 0, List.of()));

        for (String script : List.of("array.sbatch", "report.sbatch", "submit.sh")) {
            Process check = new ProcessBuilder(bash.toString(), "-n", folder.resolve("slurm").resolve(script).toString())
                    .redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor()).as(script + ": " + output).isZero();
        }
        assertThat(Files.readString(folder.resolve("slurm/array.sbatch"))).doesNotContain("--gres", "--partition", "--mem");
    }
}
