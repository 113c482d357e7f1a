package org.siammae.experiments.evaluate;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.siammae.api.component.ComponentRegistry;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.api.nn.ParameterInit;
import org.siammae.eval.features.EncoderFeatures;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.features.RawPixelFeatures;
import org.siammae.experiments.model.ModelCheckpoint;

/**
 * The features an evaluation uses: a checkpoint's trained encoder, the same encoder at random
 * initialisation, or raw pixels. The two baselines show what pretraining added.
 */
public enum FeatureChoice {
    /** The encoder of a checkpoint with its trained weights. */
    CHECKPOINT,
    /** A checkpoint's encoder architecture with fresh random weights (seeded). */
    RANDOM_INIT,
    /** Raw pixel patches. */
    RAW_PIXELS;

    /**
     * Builds the features.
     *
     * @param checkpoint a run or checkpoint folder; required except for raw pixels
     * @param patchSize the cell size of raw pixels, or 0 to take the checkpoint's patch size (16
     *     without checkpoint)
     * @param mode how encoders adapt their positional embedding
     * @param seed the seed of random initialisation
     * @param manager where weights live
     * @param registry the component registry
     * @throws IOException if the checkpoint cannot be read
     */
    public FrameFeatures build(
            Path checkpoint,
            int patchSize,
            PositionalEmbeddingMode mode,
            long seed,
            NDManager manager,
            ComponentRegistry registry)
            throws IOException {
        if (this != RAW_PIXELS && checkpoint == null) {
            throw new IllegalArgumentException(
                    "features '" + key() + "' need a checkpoint (a run folder or checkpoint folder)");
        }
        ParameterStore store = new ParameterStore(manager, false);
        return switch (this) {
            case CHECKPOINT -> {
                Encoder encoder = ModelCheckpoint.loadEncoder(checkpoint, manager, registry);
                yield new EncoderFeatures(encoder, store, mode, checkpoint.toString());
            }
            case RANDOM_INIT -> {
                ModelCheckpoint.Info info = ModelCheckpoint.find(checkpoint);
                Encoder encoder = ModelCheckpoint.buildEncoder(info, registry);
                ParameterInit.initialize(encoder, manager, new Random(seed));
                yield new EncoderFeatures(
                        encoder, store, mode, "random init (seed " + seed + ") of " + checkpoint);
            }
            case RAW_PIXELS -> {
                int size = patchSize;
                if (size <= 0) {
                    size =
                            checkpoint == null
                                    ? 16
                                    : ModelCheckpoint.modelSettings(ModelCheckpoint.find(checkpoint), registry)
                                            .geometry(2)
                                            .patchSize();
                }
                yield new RawPixelFeatures(size);
            }
        };
    }

    /** Returns the name used on the command line, such as {@code raw-pixels}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
