package org.siammae.decoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class PatchMseLossTest {

    private final PatchMseLoss normalized = new PatchMseLoss(new PatchMseLoss.Options());
    private final PatchMseLoss raw = new PatchMseLoss(new PatchMseLoss.PixelOptions());

    @Test
    void visiblePatchPredictionDoesNotChangeLoss() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray target = manager.randomNormal(new Shape(1, 3, 4));
            NDArray predicted = manager.randomNormal(new Shape(1, 3, 4));
            NDArray hidden = manager.create(new float[] {1, 0, 1}, new Shape(1, 3)); // patch 1 visible

            float before = normalized.compute(predicted, target, hidden).getFloat();
            predicted.set(new ai.djl.ndarray.index.NDIndex("0, 1"), 1000f);
            float after = normalized.compute(predicted, target, hidden).getFloat();

            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void hiddenPatchPredictionChangesLoss() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray target = manager.randomNormal(new Shape(1, 3, 4));
            NDArray predicted = manager.randomNormal(new Shape(1, 3, 4));
            NDArray hidden = manager.create(new float[] {1, 0, 1}, new Shape(1, 3));

            float before = normalized.compute(predicted, target, hidden).getFloat();
            predicted.set(new ai.djl.ndarray.index.NDIndex("0, 2"), 1000f);
            float after = normalized.compute(predicted, target, hidden).getFloat();

            assertThat(after).isGreaterThan(before);
        }
    }

    @Test
    void normalizedTargetUsesUnbiasedVariance() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // One hidden patch [0, 2, 4, 6]: mean 3, unbiased variance (9 + 1 + 1 + 9) / 3 = 20/3.
            // Normalised: (x - 3) / sqrt(20/3 + 1e-6). Predicting zeros gives the mean of squares:
            // (9 + 1 + 1 + 9) / 4 / (20/3 + 1e-6) = 5 / 6.6666676 = 0.74999989.
            NDArray target = manager.create(new float[] {0, 2, 4, 6}, new Shape(1, 1, 4));
            NDArray predicted = manager.zeros(new Shape(1, 1, 4));
            NDArray hidden = manager.ones(new Shape(1, 1));

            float loss = normalized.compute(predicted, target, hidden).getFloat();

            assertThat(loss).isCloseTo(0.74999989f, within(1e-6f));
        }
    }

    @Test
    void rawLossAveragesOverHiddenPatchesOnly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Errors per patch: patch 0 all 1 -> 1; patch 1 all 3 -> 9 (visible); patch 2 all 2 -> 4.
            NDArray target = manager.zeros(new Shape(1, 3, 2));
            NDArray predicted = manager.create(new float[] {1, 1, 3, 3, 2, 2}, new Shape(1, 3, 2));
            NDArray hidden = manager.create(new float[] {1, 0, 1}, new Shape(1, 3));

            float loss = raw.compute(predicted, target, hidden).getFloat();

            // (1 + 4) / 2 hidden patches.
            assertThat(loss).isCloseTo(2.5f, within(1e-6f));
        }
    }
}
