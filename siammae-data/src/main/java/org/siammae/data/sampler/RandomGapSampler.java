package org.siammae.data.sampler;

import java.util.Random;
import org.siammae.api.data.ClipInfo;
import org.siammae.api.data.FrameSampler;

/**
 * Draws frame pairs whose gap is uniform in {@code [min-gap, max-gap]}: the SiamMAE sampler.
 *
 * <p>The gap is drawn first (uniform over the gaps the clip can hold), then the first frame
 * uniformly among the positions that leave room for it.
 */
public final class RandomGapSampler implements FrameSampler {

    /** Options of {@code random-gap}. */
    public static final class Options extends GapRange {}

    private final GapRange range;

    /**
     * Creates the sampler.
     *
     * @param options validated options
     */
    public RandomGapSampler(GapRange options) {
        this.range = options;
    }

    @Override
    public int framesPerSample() {
        return 2;
    }

    @Override
    public int minimumFrames(ClipInfo clip) {
        return range.minGapFrames(clip) + 1;
    }

    @Override
    public int[] sample(ClipInfo clip, Random random) {
        int low = range.minGapFrames(clip);
        int high = Math.min(range.maxGapFrames(clip), clip.frameCount() - 1);
        if (high < low) {
            throw new IllegalArgumentException(
                    "clip " + clip.id() + " has " + clip.frameCount() + " frames, fewer than "
                            + minimumFrames(clip) + " needed for a gap of " + low);
        }
        int gap = GapRange.uniform(random, low, high);
        int first = random.nextInt(clip.frameCount() - gap);
        return new int[] {first, first + gap};
    }
}
