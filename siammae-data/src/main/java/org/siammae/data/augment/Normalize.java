package org.siammae.data.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.data.Augmentation;
import org.siammae.api.data.FrameStack;

/** Subtracts a per-channel mean and divides by a per-channel standard deviation. */
public final class Normalize implements Augmentation {

    /** Options of {@code normalize}. */
    public static final class Options implements ValidatedOptions {

        @Tunable(description = "Per-channel mean subtracted, for values in [0, 1]; ImageNet's by default.")
        double[] mean = {0.485, 0.456, 0.406};

        @Tunable(description = "Per-channel standard deviation divided by, each > 0; ImageNet's by default.")
        double[] std = {0.229, 0.224, 0.225};

        @Override
        public void validate(ConfigProblems problems) {
            if (mean.length != std.length) {
                problems.add(
                        "std",
                        "must have as many values as mean (" + mean.length + "), got " + std.length);
            }
            for (int i = 0; i < std.length; i++) {
                if (!(std[i] > 0)) {
                    problems.add("std", "item " + i + " must be positive, got " + std[i]);
                }
            }
        }
    }

    private final double[] mean;
    private final double[] std;

    /**
     * Creates the step.
     *
     * @param options validated options
     */
    public Normalize(Options options) {
        this.mean = options.mean.clone();
        this.std = options.std.clone();
    }

    @Override
    public FrameStack apply(FrameStack sample, Random random) {
        int channels = sample.channels();
        if (channels != mean.length) {
            throw new IllegalArgumentException(
                    "normalize has " + mean.length + " channel means, the frames have " + channels
                            + " channels");
        }
        int plane = sample.height() * sample.width();
        List<float[]> frames = new ArrayList<>(sample.size());
        for (float[] frame : sample.frames()) {
            float[] out = new float[frame.length];
            for (int c = 0; c < channels; c++) {
                float shift = (float) mean[c];
                float scale = (float) (1.0 / std[c]);
                for (int i = c * plane; i < (c + 1) * plane; i++) {
                    out[i] = (frame[i] - shift) * scale;
                }
            }
            frames.add(out);
        }
        return new FrameStack(frames, channels, sample.height(), sample.width());
    }
}
