package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;

/**
 * The transformer feed-forward layer: Dense, exact GELU, Dense.
 *
 * <p>Dimensions: B batch, N tokens, D width, M hidden width.
 */
public final class Mlp extends FixedShapeBlock {

    private final Dense fc1;
    private final Dense fc2;

    /**
     * Creates the layer.
     *
     * @param width D
     * @param hidden M
     */
    public Mlp(int width, int hidden) {
        fc1 = addChildBlock("fc1", new Dense(width, hidden, true));
        fc2 = addChildBlock("fc2", new Dense(hidden, width, true));
    }

    /**
     * Applies the layer.
     *
     * @param parameterStore where parameter values are read
     * @param x tokens, (B, N, D)
     * @param training whether this is a training pass
     * @return (B, N, D)
     */
    public NDArray forward(ParameterStore parameterStore, NDArray x, boolean training) {
        NDArray hidden = Activation.gelu(fc1.forward(parameterStore, x, training)); // (B, N, M)
        return fc2.forward(parameterStore, hidden, training); // (B, N, D)
    }
}
