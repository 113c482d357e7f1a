package org.siammae.encoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.siammae.api.model.EncodedFrames;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.PatchMask;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.api.nn.ParameterInit;
import org.siammae.api.nn.ParameterPaths;

class SiameseEncoderTest {

    private static final ModelGeometry GEOMETRY = ModelGeometry.pairs(16, 4);

    private static VitOptions tiny() {
        VitOptions options = new VitOptions();
        options.width = 16;
        options.depth = 2;
        options.heads = 2;
        return options;
    }

    @Test
    void oneParameterSetServesBothFrames() {
        SiameseEncoder encoder = new SiameseEncoder(GEOMETRY, tiny());
        VitBackbone single = new VitBackbone(GEOMETRY, tiny());

        assertThat(ParameterPaths.of(encoder)).hasSameSizeAs(ParameterPaths.of(single));
    }

    @Test
    void swappingFramesSwapsTheirTokens() {
        SiameseEncoder encoder = new SiameseEncoder(GEOMETRY, tiny());
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterInit.initialize(encoder, manager, new Random(1));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray a = manager.randomNormal(new Shape(1, 1, 3, 16, 16));
            NDArray b = manager.randomNormal(new Shape(1, 1, 3, 16, 16));
            FrameMasks full =
                    new FrameMasks(List.of(PatchMask.allVisible(1, 16), PatchMask.allVisible(1, 16)));

            EncodedFrames ab = encoder.encode(store, a.concat(b, 1), full, false);
            EncodedFrames ba = encoder.encode(store, b.concat(a, 1), full, false);

            float[] aFirst = ab.tokens().get(0).toFloatArray();
            float[] aSecond = ba.tokens().get(1).toFloatArray();
            assertThat(aFirst).containsExactly(aSecond, within(1e-5f));
        }
    }

    @Test
    void maskedFrameKeepsClsAndVisiblePatches() {
        SiameseEncoder encoder = new SiameseEncoder(GEOMETRY, tiny());
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterInit.initialize(encoder, manager, new Random(2));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray frames = manager.randomNormal(new Shape(2, 2, 3, 16, 16));
            FrameMasks masks =
                    new FrameMasks(
                            List.of(
                                    PatchMask.allVisible(2, 16),
                                    PatchMask.of(16, new int[][] {{1, 5, 9}, {0, 2, 15}})));

            EncodedFrames encoded = encoder.encode(store, frames, masks, false);

            assertThat(encoded.context().get(0).getShape()).isEqualTo(new Shape(2, 17, 16));
            assertThat(encoded.target().getShape()).isEqualTo(new Shape(2, 4, 16));
        }
    }

    @Test
    void denseFeaturesAtTrainingGridMatchBothModes() {
        SiameseEncoder encoder = new SiameseEncoder(GEOMETRY, tiny());
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterInit.initialize(encoder, manager, new Random(3));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray image = manager.randomNormal(new Shape(1, 3, 16, 16));

            NDArray interpolated = encoder.denseFeatures(store, image, PositionalEmbeddingMode.INTERPOLATE);
            NDArray recomputed = encoder.denseFeatures(store, image, PositionalEmbeddingMode.RECOMPUTE);

            assertThat(interpolated.getShape()).isEqualTo(new Shape(1, 4, 4, 16));
            assertThat(interpolated.toFloatArray()).containsExactly(recomputed.toFloatArray(), within(1e-6f));
        }
    }

    @Test
    void denseFeaturesAtLargerGridDifferByMode() {
        SiameseEncoder encoder = new SiameseEncoder(GEOMETRY, tiny());
        try (NDManager manager = NDManager.newBaseManager()) {
            ParameterInit.initialize(encoder, manager, new Random(4));
            ParameterStore store = new ParameterStore(manager, false);
            NDArray image = manager.randomNormal(new Shape(1, 3, 24, 32));

            NDArray interpolated = encoder.denseFeatures(store, image, PositionalEmbeddingMode.INTERPOLATE);
            NDArray recomputed = encoder.denseFeatures(store, image, PositionalEmbeddingMode.RECOMPUTE);

            assertThat(interpolated.getShape()).isEqualTo(new Shape(1, 6, 8, 16));
            assertThat(interpolated.sub(recomputed).abs().max().getFloat()).isGreaterThan(1e-3f);
            assertThat(interpolated.get(new NDIndex("0, 0, 0")).isNaN().any().getBoolean()).isFalse();
        }
    }
}
