package org.siammae.data.sampler;

import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.data.ClipInfo;

/**
 * Options of a gap drawn uniformly from a range, shared by the samplers that draw one.
 *
 * <p>Gaps count frames. With {@code gap-fps} set they count frames at that rate instead, so a
 * range keeps its duration in clips of any frame rate; {@link #toClipFrames} converts.
 */
public class GapRange implements ValidatedOptions {

    @Tunable(
            description =
                    "Smallest gap between the last context frame and the target, in frames (at"
                            + " gap-fps when that is set); 1 or more. The paper uses 4.")
    int minGap = 4;

    @Tunable(
            description =
                    "Largest gap, in the unit of min-gap; at least min-gap. The paper uses 48 at"
                            + " 30 fps. A clip too short for it draws from the gaps it can hold.")
    int maxGap = 48;

    @Tunable(
            description =
                    "Frame rate the gaps are counted at, in frames per second; 0 counts each"
                            + " clip's own frames. With 30 a 4..48 range means 0.13..1.6 s, which"
                            + " is 8..96 frames of a 60 fps clip.")
    double gapFps = 0;

    @Override
    public void validate(ConfigProblems problems) {
        if (minGap < 1) {
            problems.add("min-gap", "must be 1 or more, got " + minGap);
        }
        if (maxGap < minGap) {
            problems.add("max-gap", "must be at least min-gap (" + minGap + "), got " + maxGap);
        }
        if (gapFps < 0 || Double.isNaN(gapFps) || Double.isInfinite(gapFps)) {
            problems.add("gap-fps", "must be 0 (frames of each clip) or a positive rate, got " + gapFps);
        }
    }

    /** Returns the smallest gap in frames of {@code clip}. */
    int minGapFrames(ClipInfo clip) {
        return toClipFrames(minGap, gapFps, clip);
    }

    /** Returns the largest gap in frames of {@code clip}. */
    int maxGapFrames(ClipInfo clip) {
        return toClipFrames(maxGap, gapFps, clip);
    }

    /**
     * Converts a gap to frames of one clip.
     *
     * @param gap a gap in frames at {@code gapFps}, or in the clip's frames when {@code gapFps} is 0
     * @param gapFps the rate the gap is counted at; 0 for the clip's own rate
     * @param clip the clip
     * @return the gap in the clip's frames, at least 1
     */
    static int toClipFrames(int gap, double gapFps, ClipInfo clip) {
        if (gapFps <= 0) {
            return gap;
        }
        return Math.max(1, (int) Math.round(gap * clip.fps() / gapFps));
    }

    /**
     * Draws an integer uniformly from {@code [low, high]}.
     *
     * @param random the generator
     * @param low the smallest value
     * @param high the largest value, at least {@code low}
     */
    static int uniform(java.util.Random random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }
}
