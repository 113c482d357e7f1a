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
import org.siammae.eval.TaskOptions;
import org.siammae.eval.features.EncoderFeatures;
import org.siammae.eval.features.FeatureSource;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.features.RawPixelFeatures;
import org.siammae.experiments.model.ModelCheckpoint;

/**
 * Builds the features an evaluation entry names ({@link TaskOptions#features}): a checkpoint's
 * trained encoder, the same encoder at random initialisation, or raw pixels. The two baselines
 * show what pretraining added.
 */
public final class FeatureChoice {

    private FeatureChoice() {}

    /**
     * Builds the features of an evaluation.
     *
     * @param options the task options: features, seed, raw-pixel cell size, positional embedding
     * @param checkpoint a run or checkpoint folder; may be null only for raw pixels with an explicit
     *     cell size
     * @param manager where weights live
     * @param registry the component registry
     * @throws IOException if the checkpoint cannot be read
     */
    public static FrameFeatures build(
            TaskOptions options, Path checkpoint, NDManager manager, ComponentRegistry registry)
            throws IOException {
        FeatureSource source = options.features;
        if (source != FeatureSource.RAW_PIXELS && checkpoint == null) {
            throw new IllegalArgumentException(
                    "features '" + source.key() + "' need a checkpoint (a run folder or checkpoint folder)");
        }
        ParameterStore store = new ParameterStore(manager, false);
        PositionalEmbeddingMode mode = options.positionalEmbedding;
        return switch (source) {
            case CHECKPOINT -> {
                Encoder encoder = ModelCheckpoint.loadEncoder(checkpoint, manager, registry);
                yield new EncoderFeatures(encoder, store, mode, checkpoint.toString());
            }
            case RANDOM_INIT -> {
                ModelCheckpoint.Info info = ModelCheckpoint.find(checkpoint);
                Encoder encoder = ModelCheckpoint.buildEncoder(info, registry);
                ParameterInit.initialize(encoder, manager, new Random(options.featureSeed));
                yield new EncoderFeatures(
                        encoder, store, mode, "random init (seed " + options.featureSeed + ") of " + checkpoint);
            }
            case RAW_PIXELS -> new RawPixelFeatures(rawPatchSize(options, checkpoint, registry));
        };
    }

    /** Returns the raw-pixel cell size: explicit, else the checkpoint's patch size, else 16. */
    private static int rawPatchSize(TaskOptions options, Path checkpoint, ComponentRegistry registry)
            throws IOException {
        if (options.rawPatchSize > 0) {
            return options.rawPatchSize;
        }
        if (checkpoint == null) {
            return 16;
        }
        return ModelCheckpoint.modelSettings(ModelCheckpoint.find(checkpoint), registry).geometry(2).patchSize();
    }
}
