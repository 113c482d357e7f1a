package org.siammae.api.model;

import java.util.List;

/**
 * The masks of every frame of a batch of samples, in frame order: context frames first, the
 * target frame last.
 *
 * @param frames one mask per frame
 */
public record FrameMasks(List<PatchMask> frames) {

    public FrameMasks {
        if (frames.size() < 2) {
            throw new IllegalArgumentException(
                    "need masks for at least 2 frames (context and target), got " + frames.size());
        }
        frames = List.copyOf(frames);
        int batch = frames.get(0).batchSize();
        int patches = frames.get(0).numPatches();
        for (PatchMask mask : frames) {
            if (mask.batchSize() != batch || mask.numPatches() != patches) {
                throw new IllegalArgumentException(
                        "all frame masks must share batch size and patch count, got " + frames);
            }
        }
    }

    /** Returns the target frame's mask (the last frame). */
    public PatchMask target() {
        return frames.get(frames.size() - 1);
    }

    /** Returns the context frames' masks (all but the last). */
    public List<PatchMask> context() {
        return frames.subList(0, frames.size() - 1);
    }

    /** Returns the number of frames. */
    public int size() {
        return frames.size();
    }

    /**
     * Returns one frame's mask.
     *
     * @param frame the frame index
     */
    public PatchMask get(int frame) {
        return frames.get(frame);
    }
}
