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
 * Symmetric masking: every frame hides the same fraction of its patches, each frame drawn on its
 * own (or, with {@code shared}, one draw used for every frame of a sample, as tube masking).
 */
public final class SymmetricMasking implements MaskPolicy {

    /** Options of symmetric masking. */
    public static class Options extends MaskingOptions implements ValidatedOptions {

        @Tunable(description = "fraction of patches hidden in every frame, in [0, 1)")
        double ratio = 0.75;

        @Tunable(description = "hide the same patches in every frame of a sample (tube masking)")
        boolean shared = false;

        @Override
        public void validate(ConfigProblems problems) {
            checkRatio(problems, "ratio", ratio);
        }
    }

    private final MaskPattern pattern;
    private final double ratio;
    private final boolean shared;

    /**
     * Creates the policy.
     *
     * @param pattern the pattern of every frame
     * @param options the ratio and sharing
     */
    public SymmetricMasking(MaskPattern pattern, Options options) {
        this.pattern = pattern;
        this.ratio = options.ratio;
        this.shared = options.shared;
    }

    @Override
    public FrameMasks sample(int batchSize, ModelGeometry geometry, Random random) {
        int keep = MaskPolicy.visibleCount(geometry.numPatches(), ratio);
        int frames = geometry.frames();
        int[][][] visible = new int[frames][batchSize][];
        for (int b = 0; b < batchSize; b++) {
            int[] first = draw(geometry, keep, random);
            for (int t = 0; t < frames; t++) {
                visible[t][b] = shared || t == 0 ? first : draw(geometry, keep, random);
            }
        }
        List<PatchMask> masks = new ArrayList<>(frames);
        for (int t = 0; t < frames; t++) {
            masks.add(PatchMask.of(geometry.numPatches(), visible[t]));
        }
        return new FrameMasks(masks);
    }

    private int[] draw(ModelGeometry geometry, int keep, Random random) {
        return pattern.visiblePatches(geometry.gridHeight(), geometry.gridWidth(), keep, random);
    }
}
