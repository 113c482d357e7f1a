package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/**
 * Layer normalisation over the last axis with a learned scale (init 1) and shift (init 0).
 *
 * <p>Dimensions: N any leading axes, D features.
 */
public final class LayerNormalization extends FixedShapeBlock {

    /** Epsilon of every LayerNorm in the ViT and the decoders. */
    public static final float VIT_EPSILON = 1e-6f;

    private final int features;
    private final float epsilon;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * Creates a layer.
     *
     * @param features D
     * @param epsilon added to the variance
     */
    public LayerNormalization(int features, float epsilon) {
        if (features <= 0) {
            throw new IllegalArgumentException("LayerNorm features must be positive, got " + features);
        }
        this.features = features;
        this.epsilon = epsilon;
        weight = addParameter("weight", new Shape(features), SeededInitializer.constant(1));
        bias = addParameter("bias", new Shape(features), SeededInitializer.constant(0));
    }

    /**
     * Creates a layer with the ViT epsilon {@value #VIT_EPSILON}.
     *
     * @param features D
     */
    public LayerNormalization(int features) {
        this(features, VIT_EPSILON);
    }

    /**
     * Normalises.
     *
     * @param parameterStore where parameter values are read
     * @param x the input, (N..., D)
     * @param training whether this is a training pass
     * @return (N..., D)
     */
    public NDArray forward(ParameterStore parameterStore, NDArray x, boolean training) {
        return LayerNorm.layerNorm(
                        x,
                        new Shape(features),
                        value(parameterStore, weight, x, training),
                        value(parameterStore, bias, x, training),
                        epsilon)
                .singletonOrThrow(); // (N..., D)
    }
}
