package org.siammae.api.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Random;

/** Initialises a block tree from the run's generator. */
public final class ParameterInit {

    private ParameterInit() {}

    /**
     * Binds every {@link SeededInitializer} of the tree to {@code random}, then initialises the
     * parameters in {@link ParameterPaths} order; equal seeds give equal weights.
     *
     * @param root the block tree, not yet initialised
     * @param manager where parameter arrays live
     * @param random the run's initialisation stream
     */
    public static void initialize(Block root, NDManager manager, Random random) {
        for (Parameter parameter : ParameterPaths.of(root).values()) {
            if (parameter.getInitializer() instanceof SeededInitializer seeded) {
                parameter.setInitializer(seeded.bind(random));
            }
        }
        root.initialize(manager, DataType.FLOAT32);
    }
}
