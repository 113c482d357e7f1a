package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * A fully connected layer over the last axis, with a weight of shape (out, in) as in PyTorch.
 *
 * <p>Dimensions: N any leading axes, I input features, O output features.
 */
public final class Dense extends FixedShapeBlock {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * Creates a layer with xavier-uniform weights and zero bias.
     *
     * @param inFeatures I
     * @param outFeatures O
     * @param withBias whether to add a bias
     */
    public Dense(int inFeatures, int outFeatures, boolean withBias) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException(
                    "Dense features must be positive, got in=" + inFeatures + ", out=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        weight =
                addParameter(
                        "weight",
                        new Shape(outFeatures, inFeatures),
                        SeededInitializer.xavierUniform(inFeatures, outFeatures));
        bias =
                withBias
                        ? addParameter("bias", new Shape(outFeatures), SeededInitializer.constant(0))
                        : null;
    }

    /**
     * Applies the layer.
     *
     * @param parameterStore where parameter values are read
     * @param x the input, (N..., I)
     * @param training whether this is a training pass
     * @return (N..., O)
     */
    public NDArray forward(ParameterStore parameterStore, NDArray x, boolean training) {
        NDArray w = value(parameterStore, weight, x, training);
        NDArray b = bias == null ? null : value(parameterStore, bias, x, training);
        return Linear.linear(x, w, b).singletonOrThrow(); // (N..., O)
    }

    /** Returns I. */
    public int inFeatures() {
        return inFeatures;
    }

    /** Returns O. */
    public int outFeatures() {
        return outFeatures;
    }
}
