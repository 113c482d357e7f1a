package org.siammae.eval.propagation;

import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.eval.features.FrameSize;
import org.siammae.eval.features.ResizeRule;

/**
 * The settable parameters of label propagation. The field initialisers are the SiamMAE preset;
 * {@link #dino()} and {@link #crw()} return the other published protocols. Descriptor keys are the
 * field names in kebab case ({@code top-k}, {@code context-frames}).
 */
public class PropagationOptions implements ValidatedOptions {

    @Tunable(description = "context cells kept per target cell (top-k over all context cells), >= 1")
    public int topK = 7;

    @Tunable(description = "softmax temperature over the kept cosine similarities, > 0")
    public double temperature = 0.7;

    @Tunable(description = "previous frames in the context besides the first frame, >= 0")
    public int contextFrames = 20;

    @Tunable(
            description =
                    "spatial neighbourhood on the feature grid: circle (Euclidean distance below"
                            + " the radius), square (row and column offsets at most the radius) or none")
    public Neighbourhood neighbourhood = Neighbourhood.CIRCLE;

    @Tunable(description = "neighbourhood radius in feature cells, > 0")
    public double radius = 20;

    @Tunable(description = "whether the neighbourhood also restricts the first frame")
    public boolean restrictFirstFrame = false;

    @Tunable(
            description =
                    "whether the previous-frame context starts filled with copies of the first"
                            + " frame (CRW) instead of growing from empty")
    public boolean padContext = false;

    @Tunable(
            description =
                    "first-frame labels to the grid: nearest, area (mean of the one-hot map per"
                            + " cell) or bilinear")
    public LabelDownsampling labelDownsampling = LabelDownsampling.NEAREST;

    @Tunable(description = "predictions to the evaluation resolution before arg-max: bilinear or nearest")
    public LabelUpsampling labelUpsampling = LabelUpsampling.BILINEAR;

    @Tunable(
            description =
                    "rescale each upsampled label channel to [0, 1] before the arg-max (DINO's"
                            + " norm_mask)")
    public boolean normalizeChannels = false;

    @Tunable(
            description =
                    "DAVIS frame size rule: fixed (height x width), short-side, long-side or native")
    public ResizeRule resize = ResizeRule.FIXED;

    @Tunable(description = "DAVIS frame height in pixels for resize: fixed")
    public int height = 480;

    @Tunable(description = "DAVIS frame width in pixels for resize: fixed")
    public int width = 880;

    @Tunable(description = "side length in pixels for resize: short-side and long-side")
    public int side = 480;

    @Tunable(
            description =
                    "the proportional side is floored to a multiple of this many pixels (DINO: 64)")
    public int multiple = 1;

    @Tunable(
            description =
                    "target cells per tile side when computing affinities, or 0 for the largest tile"
                            + " within a 192 MiB score block; trades memory for speed and does not"
                            + " change results, >= 0")
    public int tileSize = 0;

    /** Returns the SiamMAE protocol: top-7, temperature 0.7, 20 previous frames, radius 20. */
    public static PropagationOptions siammae() {
        return new PropagationOptions();
    }

    /**
     * Returns DINO's protocol. It keeps the top 5 with weights exp(cos / 0.1), which is a softmax at
     * temperature 0.1, over the first and 7 previous frames. A square window of 12 cells restricts
     * every frame, the first included. Frames have a short side of 480 and a long side floored to a
     * multiple of 64, and label channels are rescaled before the arg-max.
     */
    public static PropagationOptions dino() {
        PropagationOptions options = new PropagationOptions();
        options.topK = 5;
        options.temperature = 0.1;
        options.contextFrames = 7;
        options.neighbourhood = Neighbourhood.SQUARE;
        options.radius = 12;
        options.restrictFirstFrame = true;
        options.normalizeChannels = true;
        options.resize = ResizeRule.SHORT_SIDE;
        options.side = 480;
        options.multiple = 64;
        return options;
    }

    /**
     * Returns CRW's protocol: top-10, temperature 0.05, 20 previous frames padded with copies of
     * the first, radius 12, bilinear label downsampling, native resolution.
     */
    public static PropagationOptions crw() {
        PropagationOptions options = new PropagationOptions();
        options.topK = 10;
        options.temperature = 0.05;
        options.contextFrames = 20;
        options.radius = 12;
        options.padContext = true;
        options.labelDownsampling = LabelDownsampling.BILINEAR;
        options.resize = ResizeRule.NATIVE;
        return options;
    }

    @Override
    public void validate(ConfigProblems problems) {
        if (topK < 1) {
            problems.add("top-k", "must be at least 1, got " + topK);
        }
        if (!(temperature > 0)) {
            problems.add("temperature", "must be positive, got " + temperature);
        }
        if (contextFrames < 0) {
            problems.add("context-frames", "must be at least 0, got " + contextFrames);
        }
        if (!(radius > 0)) {
            problems.add("radius", "must be positive, got " + radius);
        }
        if (tileSize < 0) {
            problems.add("tile-size", "must be at least 0, got " + tileSize);
        }
        if (multiple < 1) {
            problems.add("multiple", "must be at least 1, got " + multiple);
        }
        if (resize == ResizeRule.FIXED && (height <= 0 || width <= 0)) {
            problems.add("height", "fixed size needs positive height and width, got " + height + " x " + width);
        }
        if ((resize == ResizeRule.SHORT_SIDE || resize == ResizeRule.LONG_SIDE) && side <= 0) {
            problems.add("side", "must be positive, got " + side);
        }
    }

    /** Returns the validated, immutable settings. */
    public PropagationSettings toSettings() {
        return new PropagationSettings(
                topK,
                temperature,
                contextFrames,
                neighbourhood,
                radius,
                restrictFirstFrame,
                padContext,
                labelDownsampling,
                labelUpsampling,
                normalizeChannels,
                new FrameSize(resize, height, width, side, multiple),
                tileSize);
    }
}
