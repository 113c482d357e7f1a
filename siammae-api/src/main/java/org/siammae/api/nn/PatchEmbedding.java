package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Projects each p x p patch to a token: {@link Patches#patchify} then one linear layer, which is
 * ViT's strided convolution written as a matrix product. The weight is xavier-uniform over the
 * flattened patch, as MAE initialises its convolution viewed as a linear layer.
 *
 * <p>Dimensions: B batch, C channels, H x W pixels, L patches, P = p * p * C, D width.
 */
public final class PatchEmbedding extends FixedShapeBlock {

    private final int patchSize;
    private final Dense proj;

    /**
     * Creates the layer.
     *
     * @param patchSize p
     * @param channels C
     * @param width D
     */
    public PatchEmbedding(int patchSize, int channels, int width) {
        this.patchSize = patchSize;
        proj = addChildBlock("proj", new Dense(patchSize * patchSize * channels, width, true));
    }

    /**
     * Embeds every patch of a batch of images.
     *
     * @param parameterStore where parameter values are read
     * @param images (B, C, H, W)
     * @param training whether this is a training pass
     * @return (B, L, D)
     */
    public NDArray forward(ParameterStore parameterStore, NDArray images, boolean training) {
        NDArray patches = Patches.patchify(images, patchSize); // (B, L, P)
        return proj.forward(parameterStore, patches, training); // (B, L, D)
    }

    /** Returns p. */
    public int patchSize() {
        return patchSize;
    }
}
