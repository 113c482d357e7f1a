package org.siammae.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.masking.MaskPattern;
import org.siammae.api.masking.MaskPolicy;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.PatchMask;

/**
 * Asymmetric masking, SiamMAE's default: context frames hide {@code context-ratio} of their
 * patches (0 by default, so f1 stays whole) and the target frame hides {@code target-ratio} (0.95).
 */
public final class AsymmetricMasking implements MaskPolicy {

    /** Options of asymmetric masking. */
    public static class Options extends MaskingOptions implements ValidatedOptions {

        @Tunable(description = "fraction of patches hidden in each context frame (f1), in [0, 1)")
        double contextRatio = 0.0;

        @Tunable(description = "fraction of patches hidden in the target frame (f2), in [0, 1)")
        double targetRatio = 0.95;

        @Override
        public void validate(ConfigProblems problems) {
            checkRatio(problems, "context-ratio", contextRatio);
            checkRatio(problems, "target-ratio", targetRatio);
            if (targetRatio == 0) {
                problems.add("target-ratio", "must hide part of the target frame, got 0");
            }
        }
    }

    private final MaskPattern pattern;
    private final double contextRatio;
    private final double targetRatio;

    /**
     * Creates the policy.
     *
     * @param pattern the pattern of every frame
     * @param options the ratios
     */
    public AsymmetricMasking(MaskPattern pattern, Options options) {
        this.pattern = pattern;
        this.contextRatio = options.contextRatio;
        this.targetRatio = options.targetRatio;
    }

    @Override
    public FrameMasks sample(int batchSize, ModelGeometry geometry, Random random) {
        List<PatchMask> masks = new ArrayList<>(geometry.frames());
        for (int t = 0; t < geometry.frames(); t++) {
            boolean isTarget = t == geometry.frames() - 1;
            double ratio = isTarget ? targetRatio : contextRatio;
            masks.add(draw(batchSize, geometry, ratio, random));
        }
        return new FrameMasks(masks);
    }

    private PatchMask draw(int batchSize, ModelGeometry geometry, double ratio, Random random) {
        int keep = MaskPolicy.visibleCount(geometry.numPatches(), ratio);
        if (keep == geometry.numPatches()) {
            return PatchMask.allVisible(batchSize, geometry.numPatches());
        }
        int[][] visible = new int[batchSize][];
        for (int b = 0; b < batchSize; b++) {
            visible[b] =
                    pattern.visiblePatches(geometry.gridHeight(), geometry.gridWidth(), keep, random);
        }
        return PatchMask.of(geometry.numPatches(), visible);
    }
}
