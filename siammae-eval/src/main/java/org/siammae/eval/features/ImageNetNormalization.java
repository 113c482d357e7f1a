package org.siammae.eval.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Normalises RGB frames with the ImageNet channel mean and standard deviation. */
final class ImageNetNormalization {

    static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] STD = {0.229f, 0.224f, 0.225f};

    private ImageNetNormalization() {}

    /**
     * Normalises frames.
     *
     * @param frames values in [0, 1], (B, 3, H, W)
     * @return (B, 3, H, W)
     */
    static NDArray apply(NDArray frames) {
        NDArray mean = frames.getManager().create(MEAN, new Shape(1, 3, 1, 1)); // (1, 3, 1, 1)
        NDArray std = frames.getManager().create(STD, new Shape(1, 3, 1, 1)); // (1, 3, 1, 1)
        return frames.sub(mean).div(std); // (B, 3, H, W)
    }

    /**
     * Scales vectors along the last axis to unit length, as PyTorch's {@code F.normalize} with eps
     * 1e-12.
     *
     * @param features (..., D)
     * @return (..., D)
     */
    static NDArray l2Normalize(NDArray features) {
        NDArray norm = features.norm(new int[] {-1}, true).maximum(1e-12f); // (..., 1)
        return features.div(norm); // (..., D)
    }
}
