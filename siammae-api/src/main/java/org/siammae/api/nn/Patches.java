package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;

/**
 * Cuts images into flattened patches and back, in MAE's layout: patches in row-major grid order,
 * each patch flattened as (row, column, channel).
 *
 * <p>Dimensions: B batch, C channels, H x W pixels, p patch side, h = H / p, w = W / p, L = h * w,
 * P = p * p * C.
 */
public final class Patches {

    private Patches() {}

    /**
     * Cuts images into patches.
     *
     * @param images (B, C, H, W)
     * @param patchSize p, dividing H and W
     * @return (B, L, P)
     */
    public static NDArray patchify(NDArray images, int patchSize) {
        long[] shape = images.getShape().getShape();
        long batch = shape[0];
        long channels = shape[1];
        long height = shape[2];
        long width = shape[3];
        if (height % patchSize != 0 || width % patchSize != 0) {
            throw new IllegalArgumentException(
                    "image size " + height + " x " + width + " is not a multiple of patch size " + patchSize);
        }
        long h = height / patchSize;
        long w = width / patchSize;
        return images.reshape(batch, channels, h, patchSize, w, patchSize) // (B, C, h, p, w, p)
                .transpose(0, 2, 4, 3, 5, 1) // (B, h, w, p, p, C)
                .reshape(batch, h * w, (long) patchSize * patchSize * channels); // (B, L, P)
    }

    /**
     * Reassembles images from patches.
     *
     * @param patches (B, L, P)
     * @param patchSize p
     * @param gridHeight h
     * @param gridWidth w
     * @return (B, C, h * p, w * p)
     */
    public static NDArray unpatchify(NDArray patches, int patchSize, int gridHeight, int gridWidth) {
        long batch = patches.getShape().get(0);
        long channels = patches.getShape().get(2) / ((long) patchSize * patchSize);
        return patches.reshape(batch, gridHeight, gridWidth, patchSize, patchSize, channels) // (B, h, w, p, p, C)
                .transpose(0, 5, 1, 3, 2, 4) // (B, C, h, p, w, p)
                .reshape(batch, channels, (long) gridHeight * patchSize, (long) gridWidth * patchSize);
    }
}
