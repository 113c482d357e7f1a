package org.siammae.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostEstimatorTest {

    @TempDir Path folder;

    @Test
    void epochsConvertWithStepsPerEpoch() throws Exception {
        Path table = TinyTables.write(folder, """
                extends: base.yaml
                train: {steps: 0, epochs: 10, steps-per-epoch: 0.5}
                sweep: {grid: {model.masking.target-ratio: [0.5, 0.9]}}
                """);
        TablePlan plan = TinyTables.plan(table);

        List<CostEstimator.Estimate> estimates = new CostEstimator(TinyTables.REGISTRY, false).estimate(plan.runs());

        assertThat(estimates).extracting(CostEstimator.Estimate::totalSteps).containsExactly(5L, 5L);
        assertThat(estimates).extracting(CostEstimator.Estimate::status)
                .containsOnly(CellFolder.Status.NEW);
        assertThat(estimates.get(0).parameters()).isPositive();
        assertThat(estimates.get(0).secondsPerStep()).isNaN();
        assertThat(estimates.get(0).source()).isEqualTo("not measured");
    }

    @Test
    void epochsWithoutStepsPerEpochCountTheData() throws Exception {
        // 8 synthetic clips, batches of 4 pairs with repeated sampling 2: 2 clips per batch, so
        // 4 batches per epoch and 3 epochs make 12 steps.
        Path table = TinyTables.write(folder, "extends: base.yaml\ntrain: {steps: 0, epochs: 3}\n");

        List<CostEstimator.Estimate> estimates =
                new CostEstimator(TinyTables.REGISTRY, false).estimate(TinyTables.plan(table).runs());

        assertThat(estimates.get(0).totalSteps()).isEqualTo(12);
    }

    @Test
    void logGivesSecondsPerStepOfLastInvocation() throws Exception {
        Files.writeString(folder.resolve("metrics.csv"), """
                step,epoch,loss,lr,pairs_per_second,elapsed_seconds
                1,0,1.0,0.1,1.0,50.0
                2,0,1.0,0.1,1.0,100.0
                3,0,1.0,0.1,1.0,1.0
                4,0,1.0,0.1,1.0,3.0
                5,0,1.0,0.1,1.0,5.0
                """);

        // The clock restarted at step 3: (5.0 - 1.0) / (5 - 3) = 2 seconds per step.
        assertThat(CostEstimator.loggedSecondsPerStep(folder)).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void shortLogGivesNoEstimate() throws Exception {
        Files.writeString(folder.resolve("metrics.csv"), "step,epoch,loss,lr,pairs_per_second,elapsed_seconds\n1,0,1,1,1,1\n");

        assertThat(CostEstimator.loggedSecondsPerStep(folder)).isNaN();
        assertThat(CostEstimator.loggedSecondsPerStep(folder.resolve("missing"))).isNaN();
    }
}
