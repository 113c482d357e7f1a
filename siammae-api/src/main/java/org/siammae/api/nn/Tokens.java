package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Index operations on token sequences used by masked autoencoders.
 *
 * <p>Dimensions: B batch, L tokens in patch order, K kept tokens, D width.
 */
public final class Tokens {

    private Tokens() {}

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
