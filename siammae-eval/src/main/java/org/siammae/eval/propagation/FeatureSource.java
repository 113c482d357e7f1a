package org.siammae.eval.propagation;

import ai.djl.ndarray.NDArray;

/**
 * Per-frame features of one video, requested in frame order by {@link LabelPropagator}.
 *
 * <p>Dimensions: h x w grid, D feature width.
 */
public interface FeatureSource {

    /** Returns the number of frames. */
    int frames();

    /**
     * Returns a frame's unit-length features; valid until {@link #release} of that frame.
     *
     * @param frame the frame index
     * @return (h, w, D)
     */
    NDArray features(int frame);

    /**
     * Tells the source that a frame's features are no longer needed.
     *
     * @param frame the frame index
     */
    void release(int frame);
}
