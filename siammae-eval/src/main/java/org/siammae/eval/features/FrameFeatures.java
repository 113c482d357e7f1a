package org.siammae.eval.features;

import ai.djl.ndarray.NDArray;

/**
 * Dense per-cell features of video frames for label propagation.
 *
 * <p>Dimensions: B frames, H x W pixels, s stride, h = H / s, w = W / s, D feature width.
 * Implementations run on the calling thread; arrays they create besides the result are closed
 * before {@link #extract} returns.
 */
public interface FrameFeatures {

    /** Returns the pixels per feature cell, s; frame sides must be multiples of it. */
    int stride();

    /** Returns the feature width, D. */
    int dimension();

    /**
     * Computes L2-normalised features of a batch of frames.
     *
     * @param frames RGB frames with values in [0, 1], (B, 3, H, W)
     * @return unit-length features, (B, h, w, D), in the manager of {@code frames}
     */
    NDArray extract(NDArray frames);

    /** Returns a one-line description for reports, such as the checkpoint and embedding mode. */
    String description();
}
