package org.siammae.data.sampler;

import java.util.Random;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.FrameSampler;

/**
 * Draws k context frames and one later target frame: k frames {@code context-stride} apart, then
 * the target a random gap after the last of them.
 *
 * <p>Returns k + 1 ascending indices; the model reads the first k as context and the last as the
 * target. With k = 1 it draws what {@code random-gap} draws.
 */
public final class MultiFrameSampler implements FrameSampler {

    /** Options of {@code multi-frame}. */
    public static final class Options extends GapRange {

        @Tunable(description = "Context frames before the target, k; 1 or more.")
        int contextFrames = 2;

        @Tunable(
                description =
                        "Distance between consecutive context frames, in frames (at gap-fps when"
                                + " set); 1 or more.")
        int contextStride = 4;

        @Override
        public void validate(ConfigProblems problems) {
            super.validate(problems);
            if (contextFrames < 1) {
                problems.add("context-frames", "must be 1 or more, got " + contextFrames);
            }
            if (contextStride < 1) {
                problems.add("context-stride", "must be 1 or more, got " + contextStride);
            }
        }
    }

    private final Options options;

    /**
     * Creates the sampler.
     *
     * @param options validated options
     */
    public MultiFrameSampler(Options options) {
        this.options = options;
    }

    @Override
    public int framesPerSample() {
        return options.contextFrames + 1;
    }

    @Override
    public int minimumFrames(ClipInfo clip) {
        return contextSpan(clip) + options.minGapFrames(clip) + 1;
    }

    @Override
    public int[] sample(ClipInfo clip, Random random) {
        int span = contextSpan(clip);
        int low = options.minGapFrames(clip);
        int high = Math.min(options.maxGapFrames(clip), clip.frameCount() - 1 - span);
        if (high < low) {
            throw new IllegalArgumentException(
                    "clip " + clip.id() + " has " + clip.frameCount() + " frames, fewer than "
                            + minimumFrames(clip) + " needed for " + options.contextFrames
                            + " context frames and a gap of " + low);
        }
        int gap = GapRange.uniform(random, low, high);
        int first = random.nextInt(clip.frameCount() - span - gap);
        int stride = strideFrames(clip);
        int[] indices = new int[options.contextFrames + 1];
        for (int k = 0; k < options.contextFrames; k++) {
            indices[k] = first + k * stride;
        }
        indices[options.contextFrames] = first + span + gap;
        return indices;
    }

    /** Returns the frames from the first to the last context frame. */
    private int contextSpan(ClipInfo clip) {
        return (options.contextFrames - 1) * strideFrames(clip);
    }

    private int strideFrames(ClipInfo clip) {
        return GapRange.toClipFrames(options.contextStride, options.gapFps, clip);
    }
}
