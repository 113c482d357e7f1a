package org.siammae.eval.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.ParameterStore;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.PositionalEmbeddingMode;

/**
 * Features from any {@link Encoder}: ImageNet-normalised frames go through {@link
 * Encoder#denseFeatures} (last block, final normalisation, no [CLS]) and each cell's vector is
 * scaled to unit length.
 *
 * <p>NOTE: the encoder is run with {@code training = false}; whether autograd records the pass
 * depends on the engine's grad mode on the calling thread, which DJL's PyTorch engine turns off on
 * the thread that loads it.
 */
public final class EncoderFeatures implements FrameFeatures {

    private final Encoder encoder;
    private final ParameterStore parameterStore;
    private final PositionalEmbeddingMode mode;
    private final String label;

    /**
     * Creates features of an encoder.
     *
     * @param encoder the encoder, initialised or loaded
     * @param parameterStore where its parameter values are read
     * @param mode how the positional embedding is adapted to the evaluation grid
     * @param label what the encoder is, for reports (a checkpoint path, "random init")
     */
    public EncoderFeatures(
            Encoder encoder,
            ParameterStore parameterStore,
            PositionalEmbeddingMode mode,
            String label) {
        this.encoder = encoder;
        this.parameterStore = parameterStore;
        this.mode = mode;
        this.label = label;
    }

    @Override
    public int stride() {
        return encoder.geometry().patchSize();
    }

    @Override
    public int dimension() {
        return encoder.width();
    }

    @Override
    public NDArray extract(NDArray frames) {
        try (NDScope scope = new NDScope()) {
            NDArray normalized = ImageNetNormalization.apply(frames); // (B, 3, H, W)
            NDArray dense = encoder.denseFeatures(parameterStore, normalized, mode); // (B, h, w, D)
            NDArray features = ImageNetNormalization.l2Normalize(dense); // (B, h, w, D)
            NDScope.unregister(features);
            return features;
        }
    }

    @Override
    public String description() {
        return "encoder "
                + label
                + " (patch "
                + stride()
                + ", width "
                + dimension()
                + ", positional embedding "
                + mode.name().toLowerCase(java.util.Locale.ROOT)
                + ")";
    }
}
