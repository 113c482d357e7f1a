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
 * Randomly changes brightness, contrast, saturation and hue of RGB frames in [0, 1], in a random
 * order. SiamMAE trains without it by default and lists it as an ablation.
 *
 * <p>Factors follow torchvision's {@code ColorJitter}: brightness, contrast and saturation factors
 * are uniform in {@code [max(0, 1 - x), 1 + x]}, the hue shift is uniform in {@code [-x, x]} of a
 * full turn. Contrast blends with the frame's mean grey level, saturation with each pixel's grey
 * level (weights 0.299, 0.587, 0.114).
 */
public final class ColorJitter implements Augmentation {

    private static final int BRIGHTNESS = 0;
    private static final int CONTRAST = 1;
    private static final int SATURATION = 2;
    private static final int HUE = 3;

    /** Options of {@code color-jitter}. */
    public static final class Options implements ValidatedOptions {

        @Tunable(description = "Brightness strength x >= 0: factor in [max(0, 1 - x), 1 + x]; 0 turns it off.")
        double brightness = 0.4;

        @Tunable(description = "Contrast strength x >= 0: factor in [max(0, 1 - x), 1 + x]; 0 turns it off.")
        double contrast = 0.4;

        @Tunable(description = "Saturation strength x >= 0: factor in [max(0, 1 - x), 1 + x]; 0 turns it off.")
        double saturation = 0.4;

        @Tunable(description = "Hue strength x in [0, 0.5]: shift in [-x, x] of a full turn; 0 turns it off.")
        double hue = 0.1;

        @Tunable(description = "Probability that a sample is jittered at all, in [0, 1].")
        double probability = 0.8;

        @Tunable(
                description =
                        "Whether each frame of a sample draws its own factors; false applies the"
                                + " same factors to every frame, as the crop and flip do.")
        boolean perFrame = false;

        @Override
        public void validate(ConfigProblems problems) {
            requireNonNegative(problems, "brightness", brightness);
            requireNonNegative(problems, "contrast", contrast);
            requireNonNegative(problems, "saturation", saturation);
            if (!(hue >= 0 && hue <= 0.5)) {
                problems.add("hue", "must be in [0, 0.5], got " + hue);
            }
            if (!(probability >= 0 && probability <= 1)) {
                problems.add("probability", "must be in [0, 1], got " + probability);
            }
        }

        private static void requireNonNegative(ConfigProblems problems, String key, double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                problems.add(key, "must be 0 or more, got " + value);
            }
        }
    }

    /** The factors of one draw, applied in {@code order}. */
    private record Draw(int[] order, float brightness, float contrast, float saturation, float hue) {}

    private final Options options;

    /**
     * Creates the step.
     *
     * @param options validated options
     */
    public ColorJitter(Options options) {
        this.options = options;
    }

    @Override
    public FrameStack apply(FrameStack sample, Random random) {
        if (sample.channels() != 3) {
            throw new IllegalArgumentException(
                    "color-jitter needs RGB frames, got " + sample.channels() + " channels");
        }
        if (random.nextDouble() >= options.probability) {
            return sample;
        }
        Draw shared = draw(random);
        int plane = sample.height() * sample.width();
        List<float[]> frames = new ArrayList<>(sample.size());
        for (float[] frame : sample.frames()) {
            Draw draw = options.perFrame ? draw(random) : shared;
            float[] out = frame.clone();
            for (int step : draw.order()) {
                switch (step) {
                    case BRIGHTNESS -> scale(out, draw.brightness());
                    case CONTRAST -> blendWithMeanGrey(out, plane, draw.contrast());
                    case SATURATION -> blendWithGrey(out, plane, draw.saturation());
                    default -> shiftHue(out, plane, draw.hue());
                }
            }
            frames.add(out);
        }
        return new FrameStack(frames, 3, sample.height(), sample.width());
    }

    private Draw draw(Random random) {
        int[] order = {BRIGHTNESS, CONTRAST, SATURATION, HUE};
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        float brightness = factor(random, options.brightness);
        float contrast = factor(random, options.contrast);
        float saturation = factor(random, options.saturation);
        float hue = (float) ((random.nextDouble() * 2 - 1) * options.hue);
        return new Draw(order, brightness, contrast, saturation, hue);
    }

    private static float factor(Random random, double strength) {
        double low = Math.max(0, 1 - strength);
        return (float) (low + (1 + strength - low) * random.nextDouble());
    }

    private static void scale(float[] rgb, float factor) {
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = clamp(rgb[i] * factor);
        }
    }

    private static void blendWithMeanGrey(float[] rgb, int plane, float factor) {
        double sum = 0;
        for (int i = 0; i < plane; i++) {
            sum += grey(rgb, plane, i);
        }
        float mean = (float) (sum / plane);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = clamp(factor * rgb[i] + (1 - factor) * mean);
        }
    }

    private static void blendWithGrey(float[] rgb, int plane, float factor) {
        for (int i = 0; i < plane; i++) {
            float grey = grey(rgb, plane, i);
            for (int c = 0; c < 3; c++) {
                int k = c * plane + i;
                rgb[k] = clamp(factor * rgb[k] + (1 - factor) * grey);
            }
        }
    }

    /** Rotates the hue of every pixel by {@code shift} turns, keeping value and saturation. */
    static void shiftHue(float[] rgb, int plane, float shift) {
        if (shift == 0f) {
            return;
        }
        for (int i = 0; i < plane; i++) {
            float r = rgb[i];
            float g = rgb[plane + i];
            float b = rgb[2 * plane + i];
            float max = Math.max(r, Math.max(g, b));
            float min = Math.min(r, Math.min(g, b));
            float chroma = max - min;
            if (chroma <= 0f) {
                continue; // grey pixels have no hue
            }
            float hue;
            if (max == r) {
                hue = ((g - b) / chroma) / 6f;
            } else if (max == g) {
                hue = ((b - r) / chroma + 2f) / 6f;
            } else {
                hue = ((r - g) / chroma + 4f) / 6f;
            }
            hue += shift;
            hue -= (float) Math.floor(hue);
            // HSV to RGB with value = max and saturation = chroma / max.
            float sector = hue * 6f;
            float x = chroma * (1f - Math.abs(sector % 2f - 1f));
            float rr;
            float gg;
            float bb;
            switch ((int) sector % 6) {
                case 0 -> { rr = chroma; gg = x; bb = 0; }
                case 1 -> { rr = x; gg = chroma; bb = 0; }
                case 2 -> { rr = 0; gg = chroma; bb = x; }
                case 3 -> { rr = 0; gg = x; bb = chroma; }
                case 4 -> { rr = x; gg = 0; bb = chroma; }
                default -> { rr = chroma; gg = 0; bb = x; }
            }
            rgb[i] = rr + min;
            rgb[plane + i] = gg + min;
            rgb[2 * plane + i] = bb + min;
        }
    }

    private static float grey(float[] rgb, int plane, int i) {
        return 0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i];
    }

    private static float clamp(float value) {
        return value < 0f ? 0f : (value > 1f ? 1f : value);
    }
}
