package org.siammae.eval.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.api.nn.ParameterInit;

/** Checks that encoder and raw-pixel features have the documented shape and unit length. */
class EncoderFeaturesTest {

    @Test
    void encoderFeaturesAreUnitLengthOnEvaluationGrid() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TestVitEncoder encoder = new TestVitEncoder(ModelGeometry.pairs(32, 8), 16, 1, 2);
            ParameterInit.initialize(encoder, manager, new Random(0));
            EncoderFeatures features =
                    new EncoderFeatures(
                            encoder, new ParameterStore(manager, false), PositionalEmbeddingMode.INTERPOLATE, "test");
            NDArray frames = manager.randomUniform(0, 1, new Shape(2, 3, 48, 64)); // (B, 3, H, W)

            NDArray out = features.extract(frames);

            // 48 x 64 pixels with patch 8: a 6 x 8 grid, though the encoder trained on 4 x 4.
            assertThat(out.getShape()).isEqualTo(new Shape(2, 6, 8, 16));
            float[] norms = out.norm(new int[] {-1}).toFloatArray();
            for (float norm : norms) {
                assertThat(norm).isCloseTo(1f, within(1e-5f));
            }
            assertThat(features.stride()).isEqualTo(8);
            assertThat(features.description()).contains("interpolate");
        }
    }

    @Test
    void interpolatedAndRecomputedEmbeddingsDiffer() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TestVitEncoder encoder = new TestVitEncoder(ModelGeometry.pairs(32, 8), 16, 1, 2);
            ParameterInit.initialize(encoder, manager, new Random(0));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray frames = manager.randomUniform(0, 1, new Shape(1, 3, 48, 64));

            NDArray interpolated =
                    new EncoderFeatures(encoder, store, PositionalEmbeddingMode.INTERPOLATE, "a").extract(frames);
            NDArray recomputed =
                    new EncoderFeatures(encoder, store, PositionalEmbeddingMode.RECOMPUTE, "b").extract(frames);

            assertThat(interpolated.sub(recomputed).abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    @Test
    void rawPixelsAreNormalisedPatches() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // A constant grey frame: every patch is the same vector, so all features are equal.
            NDArray frames = manager.full(new Shape(1, 3, 16, 24), 0.5f);

            NDArray out = new RawPixelFeatures(8).extract(frames);

            assertThat(out.getShape()).isEqualTo(new Shape(1, 2, 3, 192));
            NDArray first = out.get("0, 0, 0");
            assertThat(out.get("0, 1, 2").sub(first).abs().max().getFloat()).isLessThan(1e-6f);
            assertThat(first.norm().getFloat()).isCloseTo(1f, within(1e-5f));
        }
    }
}
