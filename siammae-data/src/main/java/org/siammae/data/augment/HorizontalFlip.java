package org.siammae.data.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.data.Augmentation;
import org.siammae.api.data.FrameStack;

/** Mirrors every frame of a sample left to right, or none of them. */
public final class HorizontalFlip implements Augmentation {

    /** Options of {@code horizontal-flip}. */
    public static final class Options implements ValidatedOptions {

        @Tunable(description = "Probability that a sample is flipped, in [0, 1]. The paper uses 0.5.")
        double probability = 0.5;

        @Override
        public void validate(ConfigProblems problems) {
            if (!(probability >= 0 && probability <= 1)) {
                problems.add("probability", "must be in [0, 1], got " + probability);
            }
        }
    }

    private final double probability;

    /**
     * Creates the step.
     *
     * @param options validated options
     */
    public HorizontalFlip(Options options) {
        this.probability = options.probability;
    }

    @Override
    public FrameStack apply(FrameStack sample, Random random) {
        if (random.nextDouble() >= probability) {
            return sample;
        }
        int width = sample.width();
        int lines = sample.channels() * sample.height();
        List<float[]> frames = new ArrayList<>(sample.size());
        for (float[] frame : sample.frames()) {
            float[] flipped = new float[frame.length];
            for (int line = 0; line < lines; line++) {
                int base = line * width;
                for (int x = 0; x < width; x++) {
                    flipped[base + x] = frame[base + width - 1 - x];
                }
            }
            frames.add(flipped);
        }
        return new FrameStack(frames, sample.channels(), sample.height(), width);
    }
}
