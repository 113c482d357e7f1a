package org.siammae.api.model;

import ai.djl.ndarray.NDArray;

/**
 * Scores a reconstruction of the target frame; an extension point registered under {@link
 * org.siammae.api.component.ComponentKind#LOSS}.
 *
 * <p>Dimensions: B batch, L patches per frame, P values per patch.
 */
public interface ReconstructionLoss {

    /**
     * Computes the loss.
     *
     * @param predicted the decoder's patches, (B, L, P)
     * @param target the true patches of the target frame (see {@link
     *     org.siammae.api.nn.Patches#patchify}), (B, L, P)
     * @param hidden 1 where the target patch was hidden, (B, L)
     * @return the loss, a scalar
     */
    NDArray compute(NDArray predicted, NDArray target, NDArray hidden);
}
