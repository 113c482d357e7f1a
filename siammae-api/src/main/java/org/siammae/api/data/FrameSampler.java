package org.siammae.api.data;

import java.util.Random;

/**
 * Chooses which frames of a clip form one sample; an extension point registered under {@link
 * org.siammae.api.component.ComponentKind#FRAME_SAMPLER}.
 */
public interface FrameSampler {

    /** Returns the frames per sample, T: context frames plus the target. */
    int framesPerSample();

    /**
     * Returns the fewest frames a clip needs for this sampler; shorter clips are skipped.
     *
     * @param clip the clip
     */
    int minimumFrames(ClipInfo clip);

    /**
     * Draws the frame indices of one sample.
     *
     * @param clip a clip with at least {@link #minimumFrames} frames
     * @param random the worker's stream
     * @return {@link #framesPerSample()} ascending frame indices; the last one is the target
     */
    int[] sample(ClipInfo clip, Random random);
}
