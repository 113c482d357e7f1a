package org.siammae.data.source;

import org.siammae.api.component.ComponentContext;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.model.ModelGeometry;

/** Options shared by the sources that read files: how they scan and how large they decode. */
public class DecodeOptions implements ValidatedOptions {

    @Tunable(
            description =
                    "Short side in pixels that frames are scaled to while decoding, before any"
                            + " augmentation; frames are never enlarged. 0 picks 1.5 x the model's"
                            + " larger image side (336 for 224), so crops of half the area still"
                            + " cover the output; -1 keeps the stored size.")
    int decodeShortSide = 0;

    @Tunable(
            description =
                    "Threads that probe new or changed files while the clip index is built; 0"
                            + " uses one per processor.")
    int scanThreads = 0;

    @Override
    public void validate(ConfigProblems problems) {
        if (decodeShortSide < -1) {
            problems.add("decode-short-side", "must be -1, 0 or a size in pixels, got " + decodeShortSide);
        }
        if (scanThreads < 0) {
            problems.add("scan-threads", "must be 0 (one per processor) or more, got " + scanThreads);
        }
    }

    /** Returns the probe thread count, resolving 0 to the processor count. */
    int scanThreadCount() {
        return scanThreads > 0 ? scanThreads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Returns the short side to decode to, or -1 to keep stored sizes.
     *
     * @param context supplies the {@link ModelGeometry} that the automatic size derives from
     */
    int targetShortSide(ComponentContext context) {
        if (decodeShortSide != 0) {
            return decodeShortSide;
        }
        return context.find(ModelGeometry.class)
                .map(geometry -> (int) Math.ceil(1.5 * Math.max(geometry.imageHeight(), geometry.imageWidth())))
                .orElse(-1);
    }

    /**
     * Returns the decoded size of a clip: scaled so its short side is {@code shortSide} when that
     * shrinks it, else unchanged.
     *
     * @param width stored width
     * @param height stored height
     * @param shortSide the target short side, or -1 to keep the stored size
     * @return {@code {width, height}}
     */
    static int[] decodedSize(int width, int height, int shortSide) {
        int stored = Math.min(width, height);
        if (shortSide < 1 || stored <= shortSide) {
            return new int[] {width, height};
        }
        double scale = (double) shortSide / stored;
        return new int[] {
            Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))
        };
    }
}
