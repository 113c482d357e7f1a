package org.siammae.eval.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.siammae.api.nn.Patches;

/**
 * The raw-pixel baseline: each cell's feature is its p x p patch of ImageNet-normalised pixels,
 * flattened and scaled to unit length. It needs no training and shows what a learned encoder adds.
 */
public final class RawPixelFeatures implements FrameFeatures {

    private final int patchSize;

    /**
     * Creates the baseline.
     *
     * @param patchSize pixels per cell side, p
     */
    public RawPixelFeatures(int patchSize) {
        if (patchSize <= 0) {
            throw new IllegalArgumentException("patch size must be positive, got " + patchSize);
        }
        this.patchSize = patchSize;
    }

    @Override
    public int stride() {
        return patchSize;
    }

    @Override
    public int dimension() {
        return 3 * patchSize * patchSize;
    }

    @Override
    public NDArray extract(NDArray frames) {
        long batch = frames.getShape().get(0);
        long h = frames.getShape().get(2) / patchSize;
        long w = frames.getShape().get(3) / patchSize;
        try (NDScope scope = new NDScope()) {
            NDArray normalized = ImageNetNormalization.apply(frames); // (B, 3, H, W)
            NDArray patches = Patches.patchify(normalized, patchSize); // (B, h * w, P)
            NDArray grid = patches.reshape(batch, h, w, dimension()); // (B, h, w, P)
            NDArray features = ImageNetNormalization.l2Normalize(grid); // (B, h, w, P)
            NDScope.unregister(features);
            return features;
        }
    }

    @Override
    public String description() {
        return "raw pixels (patch " + patchSize + ")";
    }
}
