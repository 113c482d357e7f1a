package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Base of this project's layers: every parameter shape is fixed when the block is built, so a
 * whole model initialises without sample inputs, and child names stay stable for checkpoints.
 *
 * <p>Subclasses add parameters with {@link #addParameter(String, Shape, SeededInitializer)} and
 * children with {@code addChildBlock(name, block)}; child names must start with a letter (see
 * {@link ParameterPaths}). Blocks with several inputs expose typed {@code forward} methods and
 * leave {@link #forwardInternal} to its default, which rejects the generic call.
 */
public abstract class FixedShapeBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    protected FixedShapeBlock() {
        super(VERSION);
    }

    /**
     * Adds a parameter of a fixed shape.
     *
     * @param name the parameter name within this block, such as {@code weight}
     * @param shape the shape
     * @param initializer the initialisation rule
     * @return the parameter
     */
    protected final Parameter addParameter(
            String name, Shape shape, SeededInitializer initializer) {
        return addParameter(
                Parameter.builder()
                        .setName(name)
                        .setType(Parameter.Type.OTHER)
                        .optShape(shape)
                        .optInitializer(initializer)
                        .build());
    }

    /**
     * Reads a parameter's value on the device of a reference array.
     *
     * @param parameterStore where parameter values are read
     * @param parameter the parameter
     * @param like an array on the target device
     * @param training whether this is a training pass
     */
    protected static NDArray value(
            ParameterStore parameterStore, Parameter parameter, NDArray like, boolean training) {
        return parameterStore.getValue(parameter, like.getDevice(), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    /** Output shapes depend on masks; this project's blocks do not infer them. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not infer output shapes; call its forward method");
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " takes typed inputs; call its forward method");
    }
}
