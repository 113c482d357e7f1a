package org.siammae.api.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void concatOfOneArrayKeepsGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new Shape(2, 5));
            x.setRequiresGradient(true);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray joined = Tokens.concat(new NDList(x.mul(3)), 1);
                collector.backward(joined.sum());
            }

            // d(sum(3x))/dx = 3 for each of the 10 elements.
            assertThat(x.getGradient().sum().getFloat()).isEqualTo(30f);
        }
    }

    @Test
    void restorePutsFillTokensAtHiddenPositions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Visible patches 1 and 3 of 4 carry 10 and 30; the fill token is -1.
            NDArray visible = manager.create(new float[] {10, 30}, new Shape(1, 2, 1));
            NDArray fill = manager.create(new float[] {-1, -1}, new Shape(1, 2, 1));
            NDArray restore = manager.create(new long[] {2, 0, 3, 1}, new Shape(1, 4));

            NDArray ordered = Tokens.restore(visible, fill, restore);

            assertThat(ordered.toFloatArray()).containsExactly(-1f, 10f, -1f, 30f);
        }
    }
}
