package org.siammae.eval;

import java.util.Map;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.eval.features.FeatureSource;

/**
 * Options every evaluation task shares. A descriptor's {@code evaluate:} entry and the command
 * line's flags set the same fields. Keys of the propagation protocol ({@code top-k}, {@code
 * radius}, ...) override the chosen preset, either in {@code propagation} or beside the task keys
 * (see {@link EvalRequest}).
 */
public class TaskOptions implements ValidatedOptions {

    @Tunable(description = "dataset folder in the task's official layout", required = true)
    public String data;

    @Tunable(description = "label propagation protocol: siammae, dino, crw or a registered one")
    public String preset = "siammae";

    @Tunable(
            description =
                    "overrides of the preset's propagation options, e.g. {top-k: 10}; the same keys"
                            + " may also stand beside the task keys")
    public Map<String, Object> propagation = Map.of();

    @Tunable(
            description =
                    "positional embedding on the evaluation grid: interpolate (bicubic from the"
                            + " training grid) or recompute (sin-cos for the new grid)")
    public PositionalEmbeddingMode positionalEmbedding = PositionalEmbeddingMode.INTERPOLATE;

    @Tunable(
            description =
                    "features to propagate with: checkpoint (the trained encoder), random-init (the"
                            + " same encoder untrained) or raw-pixels; the last two are baselines")
    public FeatureSource features = FeatureSource.CHECKPOINT;

    @Tunable(description = "seed of the random-init baseline's weights")
    public long featureSeed = 0;

    @Tunable(description = "cell size of raw-pixel features in pixels; 0 takes the checkpoint's patch size")
    public int rawPatchSize = 0;

    @Tunable(description = "frames per feature batch, >= 1; memory only, results do not change")
    public int batchSize = 4;

    @Tunable(description = "whether to write an overlay PNG strip per video")
    public boolean overlays = true;

    @Tunable(description = "frames per overlay strip, >= 1")
    public int overlayFrames = 6;

    @Tunable(description = "width of one overlay strip column in pixels, >= 16")
    public int overlayWidth = 320;

    @Override
    public void validate(ConfigProblems problems) {
        if (batchSize < 1) {
            problems.add("batch-size", "must be at least 1, got " + batchSize);
        }
        if (overlayFrames < 1) {
            problems.add("overlay-frames", "must be at least 1, got " + overlayFrames);
        }
        if (rawPatchSize < 0) {
            problems.add("raw-patch-size", "must not be negative, got " + rawPatchSize);
        }
        if (overlayWidth < 16) {
            problems.add("overlay-width", "must be at least 16, got " + overlayWidth);
        }
    }
}
