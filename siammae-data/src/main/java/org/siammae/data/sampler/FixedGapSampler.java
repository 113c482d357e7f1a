package org.siammae.data.sampler;

import java.util.Random;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.FrameSampler;

/** Draws frame pairs a fixed gap apart, the first frame uniform over the clip. */
public final class FixedGapSampler implements FrameSampler {

    /** Options of {@code fixed-gap}. */
    public static final class Options implements ValidatedOptions {

        @Tunable(description = "Gap between the two frames, in frames (at gap-fps when set); 1 or more.")
        int gap = 8;

        @Tunable(
                description =
                        "Frame rate the gap is counted at, in frames per second; 0 counts each"
                                + " clip's own frames.")
        double gapFps = 0;

        @Override
        public void validate(ConfigProblems problems) {
            if (gap < 1) {
                problems.add("gap", "must be 1 or more, got " + gap);
            }
            if (gapFps < 0 || Double.isNaN(gapFps) || Double.isInfinite(gapFps)) {
                problems.add("gap-fps", "must be 0 or a positive rate, got " + gapFps);
            }
        }
    }

    private final Options options;

    /**
     * Creates the sampler.
     *
     * @param options validated options
     */
    public FixedGapSampler(Options options) {
        this.options = options;
    }

    @Override
    public int framesPerSample() {
        return 2;
    }

    @Override
    public int minimumFrames(ClipInfo clip) {
        return gapFrames(clip) + 1;
    }

    @Override
    public int[] sample(ClipInfo clip, Random random) {
        int gap = gapFrames(clip);
        if (gap >= clip.frameCount()) {
            throw new IllegalArgumentException(
                    "clip " + clip.id() + " has " + clip.frameCount() + " frames, too few for a gap of "
                            + gap);
        }
        int first = random.nextInt(clip.frameCount() - gap);
        return new int[] {first, first + gap};
    }

    private int gapFrames(ClipInfo clip) {
        return GapRange.toClipFrames(options.gap, options.gapFps, clip);
    }
}
