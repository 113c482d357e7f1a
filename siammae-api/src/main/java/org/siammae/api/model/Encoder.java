package org.siammae.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Encodes the visible patches of every frame of a sample; an extension point registered under
 * {@link org.siammae.api.component.ComponentKind#ENCODER}.
 *
 * <p>Dimensions: B batch, T frames, C channels, H x W pixels, h x w patch grid, K visible
 * patches, D encoder width.
 */
public interface Encoder extends Block {

    /** Returns the input layout the encoder was built for. */
    ModelGeometry geometry();

    /** Returns the token width, D. */
    int width();

    /**
     * Encodes a batch of samples.
     *
     * @param parameterStore where parameter values are read
     * @param frames normalised frames, (B, T, C, H, W)
     * @param masks one mask per frame
     * @param training whether this is a training pass
     * @return one (B, 1 + K_t, D) token set per frame
     */
    EncodedFrames encode(
            ParameterStore parameterStore, NDArray frames, FrameMasks masks, boolean training);

    /**
     * Returns per-patch features of single frames for label propagation: the output of the last
     * block after the final normalisation, without [CLS], not L2-normalised.
     *
     * @param parameterStore where parameter values are read
     * @param images normalised frames, (B, C, H', W') with sides that are multiples of the patch
     * @param mode how the positional embedding is adapted when the grid differs from training
     * @return (B, H'/p, W'/p, D)
     */
    NDArray denseFeatures(
            ParameterStore parameterStore, NDArray images, PositionalEmbeddingMode mode);
}
