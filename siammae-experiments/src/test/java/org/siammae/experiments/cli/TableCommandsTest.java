package org.siammae.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table commands as a user calls them: exit status and what they print. */
class TableCommandsTest {

    private static final String TABLE =
            """
            name: cli-table
            model:
              image-size: 16
              patch-size: 4
              encoder: {name: siamese, width: 16, depth: 1, heads: 2}
              decoder: {name: cross-self, width: 16, depth: 1, heads: 2}
              masking: {name: asymmetric, target-ratio: 0.75}
            data:
              source: {name: synthetic, clips: 8, frames: 12, frame-size: 20}
              sampler: {name: random-gap, min-gap: 1, max-gap: 4}
              batch-size: 4
            train: {steps: 3, warmup-steps: 1}
            seeds: 2
            sweep:
              grid:
                model.masking.target-ratio: [0.5, 0.9]
            """;

    @TempDir Path folder;

    private record Output(int status, String out, String err) {}

    private Output execute(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int status = SiamMaeCli.execute(args);
            return new Output(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void dryRunListsRunsAndTrainsNothing() throws Exception {
        Path table = Files.writeString(folder.resolve("table.yaml"), TABLE);

        Output result = execute("run", table.toString(), "output=" + folder.resolve("runs"), "--dry-run");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("2 cells x 2 seeds = 4 runs", "target-ratio-0.9/seed-1", "0/3",
                "timed passes", "model.masking.target-ratio=0.5");
        assertThat(folder.resolve("runs/cli-table/target-ratio-0.5")).doesNotExist();
    }

    @Test
    void checkPrintsFirstRunDescriptor() throws Exception {
        Path table = Files.writeString(folder.resolve("table.yaml"), TABLE);

        Output result = execute("check", table.toString(), "train.steps=5");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("# The descriptor of run target-ratio-0.5/seed-0, as it will run:",
                "name: cli-table/target-ratio-0.5/seed-0", "target-ratio: 0.5", "steps: 5", "2 cells x 2 seeds = 4 runs");
        assertThat(result.out()).doesNotContain("sweep:", "seeds:");
    }

    @Test
    void checkReportsEveryProblemWithExitStatus2() throws Exception {
        String broken = TABLE.replace("[0.5, 0.9]", "[0.5, 1.9]").replace("name: siamese", "name: siamse")
                .replace("seeds: 2", "seeds: zero");
        Path table = Files.writeString(folder.resolve("broken.yaml"), broken);

        Output result = execute("check", table.toString());

        assertThat(result.status()).isEqualTo(SiamMaeCli.INVALID_INPUT);
        assertThat(result.err()).contains("3 problems", "broken.yaml:5: key 'model.encoder'", "unknown encoder 'siamse'",
                "broken.yaml:13: key 'seeds'", "broken.yaml:16: key 'model.masking.target-ratio'");
    }

    @Test
    void unknownCellIsRejectedWithTheCellList() throws Exception {
        Path table = Files.writeString(folder.resolve("table.yaml"), TABLE);

        Output result = execute("run", table.toString(), "output=" + folder.resolve("runs"), "--cell", "ratio-0.5");

        assertThat(result.status()).isEqualTo(SiamMaeCli.INVALID_INPUT);
        assertThat(result.err()).contains("key '--cell': ratio-0.5 matches no run", "target-ratio-0.5, target-ratio-0.9");
    }

    @Test
    void reportListsUnstartedRuns() throws Exception {
        Path table = Files.writeString(folder.resolve("table.yaml"), TABLE);

        Output result = execute("report", table.toString(), "output=" + folder.resolve("runs"));

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out()).contains("0 of 4 runs finished");
        assertThat(Files.readString(folder.resolve("runs/cli-table/report/report.md")))
                .contains("| target-ratio-0.9/seed-1 | not started |");
    }
}
