package org.siammae.api.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarsTest {

    /**
     * The backward pass reads the constant after the forward pass: collecting garbage and
     * reusing freed native memory in between must not change the gradient (it did with DJL's own
     * {@code mul(Number)}, whose constant is freed early).
     */
    @Test
    void gradientSurvivesGarbageCollectionBeforeBackward() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int round = 0; round < 20; round++) {
                try (NDScope scope = new NDScope()) {
                    NDArray x = manager.ones(new Shape(64));
                    x.setRequiresGradient(true);
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray y = Scalars.dividedBy(Scalars.times(x, 3f), 2f);
                        churnNativeMemory();
                        collector.backward(y.sum());
                    }

                    // d(sum(3x / 2))/dx = 1.5 everywhere.
                    float[] gradient = x.getGradient().toFloatArray();
                    float[] expected = new float[64];
                    Arrays.fill(expected, 1.5f);
                    assertThat(gradient).as("round %d", round).containsExactly(expected);
                }
            }
        }
    }

    private static void churnNativeMemory() {
        System.gc();
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4);
            buffer.putFloat(0, Float.NaN);
            buffers.add(buffer);
        }
        assertThat(buffers).hasSize(256);
    }
}
