package org.siammae.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Predicts the pixels of the target frame from the encoded frames; an extension point registered
 * under {@link org.siammae.api.component.ComponentKind#DECODER}.
 *
 * <p>Dimensions: B batch, L patches per frame, P values per patch ({@code p * p * C}).
 */
public interface Decoder extends Block {

    /**
     * Reconstructs the target frame.
     *
     * @param parameterStore where parameter values are read
     * @param encoded the encoder's token sets
     * @param masks the masks the encoder applied
     * @param training whether this is a training pass
     * @return predicted patches of the target frame in patch order, (B, L, P)
     */
    NDArray decode(
            ParameterStore parameterStore,
            EncodedFrames encoded,
            FrameMasks masks,
            boolean training);
}
