package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;

/**
 * Multiplication and division by a constant that stay correct under autograd.
 *
 * <p>On the PyTorch engine of DJL 0.36, {@code NDArray.mul(Number)} and {@code div(Number)} wrap
 * the constant in a temporary array backed by a direct {@code ByteBuffer} and close it as soon as
 * the product is computed. PyTorch's backward pass still reads that constant to scale the
 * gradient, so once the garbage collector frees the buffer, gradients become arbitrary values
 * (seen here as NaN or 1e32 in about one step in a hundred). These helpers keep the constant in
 * the operand's manager, and in the active {@code NDScope}, until the step ends.
 */
public final class Scalars {

    private Scalars() {}

    /**
     * Multiplies by a constant.
     *
     * @param x the array
     * @param factor the constant
     * @return {@code x * factor}, with the shape of {@code x}
     */
    public static NDArray times(NDArray x, float factor) {
        return x.mul(x.getManager().create(factor));
    }

    /**
     * Divides by a constant.
     *
     * @param x the array
     * @param divisor the constant
     * @return {@code x / divisor}, with the shape of {@code x}
     */
    public static NDArray dividedBy(NDArray x, float divisor) {
        return x.div(x.getManager().create(divisor));
    }
}
