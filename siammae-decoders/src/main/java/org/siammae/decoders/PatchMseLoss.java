package org.siammae.decoders;

import ai.djl.ndarray.NDArray;
import org.siammae.api.config.ConfigProblems;
import org.siammae.api.config.Tunable;
import org.siammae.api.config.ValidatedOptions;
import org.siammae.api.model.ReconstructionLoss;
import org.siammae.api.nn.Scalars;

/**
 * Mean squared error over the hidden patches of the target frame, optionally against per-patch
 * normalised pixels.
 *
 * <p>Registered as {@code norm-pixel-mse} (SiamMAE's and MAE's loss: each target patch has its
 * mean subtracted and is divided by {@code sqrt(var + eps)} with the <em>unbiased</em> variance, as
 * PyTorch's {@code Tensor.var} computes it) and as {@code pixel-mse} (raw normalised-image pixels).
 * The squared error is averaged over the values of a patch, then over hidden patches only, so
 * visible patches never contribute.
 *
 * <p>Dimensions: B batch, L patches, P values per patch.
 */
public final class PatchMseLoss implements ReconstructionLoss {

    /** Options of {@code pixel-mse}: none, since it compares raw pixels. */
    public static class PixelOptions {}

    /** Options of {@code norm-pixel-mse}. */
    public static class Options implements ValidatedOptions {

        @Tunable(description = "added to the per-patch variance before the square root")
        double epsilon = 1e-6;

        @Override
        public void validate(ConfigProblems problems) {
            if (!(epsilon > 0)) {
                problems.add("epsilon", "must be positive, got " + epsilon);
            }
        }
    }

    private final boolean normalizeTarget;
    private final float epsilon;

    /**
     * Creates the {@code norm-pixel-mse} loss.
     *
     * @param options the epsilon of the per-patch normalisation
     */
    public PatchMseLoss(Options options) {
        this.normalizeTarget = true;
        this.epsilon = (float) options.epsilon;
    }

    /**
     * Creates the {@code pixel-mse} loss.
     *
     * @param options no options
     */
    public PatchMseLoss(PixelOptions options) {
        this.normalizeTarget = false;
        this.epsilon = 0;
    }

    @Override
    public NDArray compute(NDArray predicted, NDArray target, NDArray hidden) {
        NDArray goal = normalizeTarget ? normalizePatches(target) : target; // (B, L, P)

        // Error per patch, then the mean over hidden patches only.
        NDArray perPatch = predicted.sub(goal).square().mean(new int[] {-1}); // (B, L)
        return perPatch.mul(hidden).sum().div(hidden.sum()); // ()
    }

    private NDArray normalizePatches(NDArray target) {
        long values = target.getShape().getLastDimension();
        NDArray mean = target.mean(new int[] {-1}, true); // (B, L, 1)
        NDArray centred = target.sub(mean); // (B, L, P)
        NDArray variance = Scalars.dividedBy(centred.square().sum(new int[] {-1}, true), values - 1); // (B, L, 1)
        return centred.div(variance.add(epsilon).sqrt()); // (B, L, P)
    }
}
