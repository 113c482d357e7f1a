package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Index operations on token sequences used by masked autoencoders.
 *
 * <p>Dimensions: B batch, L tokens in patch order, K kept tokens, D width.
 */
public final class Tokens {

    private Tokens() {}

    /**
     * Concatenates arrays along an axis, keeping the autograd graph.
     *
     * <p>Use it instead of {@code NDArrays.concat}: for a single array, DJL 0.36 returns {@code
     * duplicate()}, which on the PyTorch engine is a clone cut off from the gradient graph, so
     * gradients silently stop there.
     *
     * @param parts the arrays, at least one
     * @param axis the axis
     * @return the concatenation; the array itself when there is only one
     */
    public static NDArray concat(NDList parts, int axis) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        if (parts.size() == 1) {
            return parts.head();
        }
        return parts.head().getNDArrayInternal().concat(parts.subNDList(1), axis);
    }

    /**
     * Keeps the tokens at the given indices.
     *
     * @param tokens (B, L, D)
     * @param indices int64 indices into L, (B, K)
     * @return (B, K, D)
     */
    public static NDArray gather(NDArray tokens, NDArray indices) {
        long batch = tokens.getShape().get(0);
        long width = tokens.getShape().get(2);
        long kept = indices.getShape().get(1);
        NDArray index =
                indices.expandDims(2).broadcast(new Shape(batch, kept, width)); // (B, K, D)
        return tokens.gather(index, 1); // (B, K, D)
    }

    /**
     * Puts visible tokens and fill tokens back into patch order.
     *
     * @param visible visible tokens in ascending patch order, (B, K, D)
     * @param fill one token for every hidden position, (B, L - K, D)
     * @param restore from {@link org.siammae.api.model.PatchMask#restoreIndices}, (B, L)
     * @return (B, L, D)
     */
    public static NDArray restore(NDArray visible, NDArray fill, NDArray restore) {
        NDArray sequence = visible.concat(fill, 1); // (B, L, D)
        return gather(sequence, restore); // (B, L, D)
    }
}
