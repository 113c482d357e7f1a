package org.siammae.api.data;

import java.util.List;

/**
 * The frames of one sample as plain Java memory, all of one size: what data workers hand to the
 * training thread (NDArrays are only created there).
 *
 * <p>Each frame is planar {@code (C, H, W)} float data. Before normalisation values are in [0, 1].
 *
 * @param frames one {@code C * H * W} array per frame, context frames first, the target last
 * @param channels C
 * @param height H
 * @param width W
 */
public record FrameStack(List<float[]> frames, int channels, int height, int width) {

    public FrameStack {
        frames = List.copyOf(frames);
        int size = channels * height * width;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).length != size) {
                throw new IllegalArgumentException(
                        "frame "
                                + i
                                + " has "
                                + frames.get(i).length
                                + " values, expected "
                                + channels
                                + " x "
                                + height
                                + " x "
                                + width);
            }
        }
    }

    /** Returns the number of frames. */
    public int size() {
        return frames.size();
    }
}
