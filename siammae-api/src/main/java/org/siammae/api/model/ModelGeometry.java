package org.siammae.api.model;

/**
 * The input layout a model is built for.
 *
 * <p>A sample has {@code frames} frames of {@code channels x imageHeight x imageWidth}: the first
 * {@code frames - 1} are context frames, the last is the target frame. Each frame is cut into
 * {@code patchSize x patchSize} patches, giving a {@code gridHeight x gridWidth} grid of {@code
 * numPatches} patches in row-major order.
 *
 * @param imageHeight frame height in pixels, a multiple of {@code patchSize}
 * @param imageWidth frame width in pixels, a multiple of {@code patchSize}
 * @param patchSize patch side in pixels
 * @param channels colour channels, 3 for RGB
 * @param frames frames per sample, at least 2 (context frames plus the target)
 */
public record ModelGeometry(
        int imageHeight, int imageWidth, int patchSize, int channels, int frames) {

    public ModelGeometry {
        if (patchSize <= 0) {
            throw new IllegalArgumentException("patch size must be positive, got " + patchSize);
        }
        if (imageHeight <= 0 || imageHeight % patchSize != 0) {
            throw new IllegalArgumentException(
                    "image height must be a positive multiple of the patch size "
                            + patchSize
                            + ", got "
                            + imageHeight);
        }
        if (imageWidth <= 0 || imageWidth % patchSize != 0) {
            throw new IllegalArgumentException(
                    "image width must be a positive multiple of the patch size "
                            + patchSize
                            + ", got "
                            + imageWidth);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive, got " + channels);
        }
        if (frames < 2) {
            throw new IllegalArgumentException(
                    "a sample needs at least 2 frames (context and target), got " + frames);
        }
    }

    /**
     * Returns the geometry of RGB frame pairs of one square size.
     *
     * @param imageSize frame side in pixels
     * @param patchSize patch side in pixels
     */
    public static ModelGeometry pairs(int imageSize, int patchSize) {
        return new ModelGeometry(imageSize, imageSize, patchSize, 3, 2);
    }

    /** Returns the number of patch rows. */
    public int gridHeight() {
        return imageHeight / patchSize;
    }

    /** Returns the number of patch columns. */
    public int gridWidth() {
        return imageWidth / patchSize;
    }

    /** Returns the number of patches per frame, L. */
    public int numPatches() {
        return gridHeight() * gridWidth();
    }

    /** Returns the values per patch, {@code patchSize * patchSize * channels}. */
    public int patchDim() {
        return patchSize * patchSize * channels;
    }

    /** Returns the number of context frames, {@code frames - 1}. */
    public int contextFrames() {
        return frames - 1;
    }

    /**
     * Returns the same geometry for another frame size (evaluation at a new resolution).
     *
     * @param height new frame height, a multiple of the patch size
     * @param width new frame width, a multiple of the patch size
     */
    public ModelGeometry withImageSize(int height, int width) {
        return new ModelGeometry(height, width, patchSize, channels, frames);
    }
}
