package org.siammae.data.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.data.Augmentation;
import org.siammae.api.data.FrameStack;

/**
 * Crops a random rectangle and resizes it to the model's input size, with the same rectangle on
 * every frame of a sample.
 *
 * <p>The rectangle covers a fraction of the frame area drawn uniformly from {@code scale}, with a
 * width-to-height ratio drawn log-uniformly from {@code ratio}. After ten draws that do not fit in
 * the frame it falls back to the largest centred rectangle within the ratio range. This is the
 * procedure of torchvision's {@code RandomResizedCrop}.
 */
public final class RandomResizedCrop implements Augmentation {

    private static final int ATTEMPTS = 10;

    /** Options of {@code random-resized-crop}. */
    public static final class Options implements ValidatedOptions {

        @Tunable(
                description =
                        "Range of the crop area as a fraction of the frame area, [low, high] with"
                                + " 0 < low <= high <= 1. The paper uses [0.5, 1].")
        double[] scale = {0.5, 1.0};

        @Tunable(
                description =
                        "Range of the crop's width / height ratio, [low, high] with 0 < low <="
                                + " high, drawn log-uniformly. The paper uses [3/4, 4/3].")
        double[] ratio = {3.0 / 4.0, 4.0 / 3.0};

        @Tunable(
                description =
                        "Whether shrinking widens the bilinear filter so every pixel contributes"
                                + " (as PIL does); false interpolates between the 4 nearest pixels"
                                + " only.")
        boolean antialias = true;

        @Override
        public void validate(ConfigProblems problems) {
            if (scale.length != 2 || !(scale[0] > 0) || scale[0] > scale[1] || scale[1] > 1) {
                problems.add("scale", "must be [low, high] with 0 < low <= high <= 1");
            }
            if (ratio.length != 2 || !(ratio[0] > 0) || ratio[0] > ratio[1]) {
                problems.add("ratio", "must be [low, high] with 0 < low <= high");
            }
        }
    }

    private final Options options;
    private final int outHeight;
    private final int outWidth;

    /**
     * Creates the step.
     *
     * @param options validated options
     * @param outHeight output rows, the model's image height
     * @param outWidth output columns, the model's image width
     */
    public RandomResizedCrop(Options options, int outHeight, int outWidth) {
        this.options = options;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
    }

    @Override
    public FrameStack apply(FrameStack sample, Random random) {
        CropBox box = drawBox(sample.height(), sample.width(), random);
        Resampler plan =
                Resampler.plan(
                        sample.height(), sample.width(), box, outHeight, outWidth, options.antialias);
        List<float[]> frames = new ArrayList<>(sample.size());
        for (float[] frame : sample.frames()) {
            frames.add(plan.apply(frame, sample.channels()));
        }
        return new FrameStack(frames, sample.channels(), outHeight, outWidth);
    }

    /**
     * Draws the crop rectangle of one sample.
     *
     * @param height frame rows
     * @param width frame columns
     * @param random the sample's generator
     */
    CropBox drawBox(int height, int width, Random random) {
        double area = (double) height * width;
        double logLow = Math.log(options.ratio[0]);
        double logHigh = Math.log(options.ratio[1]);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double target = area * uniform(random, options.scale[0], options.scale[1]);
            double aspect = Math.exp(uniform(random, logLow, logHigh));
            int w = (int) Math.round(Math.sqrt(target * aspect));
            int h = (int) Math.round(Math.sqrt(target / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int top = random.nextInt(height - h + 1);
                int left = random.nextInt(width - w + 1);
                return new CropBox(top, left, h, w);
            }
        }
        double frameRatio = (double) width / height;
        int w = width;
        int h = height;
        if (frameRatio < options.ratio[0]) {
            h = Math.max(1, Math.min(height, (int) Math.round(w / options.ratio[0])));
        } else if (frameRatio > options.ratio[1]) {
            w = Math.max(1, Math.min(width, (int) Math.round(h * options.ratio[1])));
        }
        return new CropBox((height - h) / 2, (width - w) / 2, h, w);
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
