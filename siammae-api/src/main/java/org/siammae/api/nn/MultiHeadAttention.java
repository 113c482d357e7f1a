package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Multi-head scaled dot-product attention, as self-attention or as cross-attention.
 *
 * <p>Self-attention projects queries, keys and values with one {@code qkv} layer; cross-attention
 * projects queries from {@code x} with {@code q} and keys and values from the context with {@code
 * kv}. Both end with the output projection {@code proj}.
 *
 * <p>Dimensions: B batch, N query tokens, M context tokens, D width, H heads, E = D / H.
 */
public final class MultiHeadAttention extends FixedShapeBlock {

    private final int width;
    private final int heads;
    private final boolean cross;
    private final float scale;
    private final Dense qkv;
    private final Dense q;
    private final Dense kv;
    private final Dense proj;

    private MultiHeadAttention(Builder builder) {
        width = builder.width;
        heads = builder.heads;
        cross = builder.cross;
        scale = (float) (1.0 / Math.sqrt((double) width / heads));
        if (cross) {
            qkv = null;
            q = addChildBlock("q", new Dense(width, width, builder.qkvBias));
            kv = addChildBlock("kv", new Dense(width, 2 * width, builder.qkvBias));
        } else {
            qkv = addChildBlock("qkv", new Dense(width, 3 * width, builder.qkvBias));
            q = null;
            kv = null;
        }
        proj = addChildBlock("proj", new Dense(width, width, true));
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Self-attention among the tokens of {@code x}.
     *
     * @param parameterStore where parameter values are read
     * @param x tokens, (B, N, D)
     * @param training whether this is a training pass
     * @return (B, N, D)
     */
    public NDArray forward(ParameterStore parameterStore, NDArray x, boolean training) {
        if (cross) {
            throw new IllegalStateException("a cross-attention layer needs a context");
        }
        long batch = x.getShape().get(0);
        long tokens = x.getShape().get(1);
        NDArray packed =
                qkv.forward(parameterStore, x, training)
                        .reshape(batch, tokens, 3, heads, width / heads)
                        .transpose(2, 0, 3, 1, 4); // (3, B, H, N, E)
        return attend(parameterStore, packed.get(0), packed.get(1), packed.get(2), training);
    }

    /**
     * Cross-attention: queries from {@code x}, keys and values from {@code context}.
     *
     * @param parameterStore where parameter values are read
     * @param x query tokens, (B, N, D)
     * @param context key and value tokens, (B, M, D)
     * @param training whether this is a training pass
     * @return (B, N, D)
     */
    public NDArray forward(
            ParameterStore parameterStore, NDArray x, NDArray context, boolean training) {
        if (!cross) {
            throw new IllegalStateException("a self-attention layer takes no context");
        }
        long batch = x.getShape().get(0);
        long queries = x.getShape().get(1);
        long keys = context.getShape().get(1);
        int headWidth = width / heads;
        NDArray query =
                q.forward(parameterStore, x, training)
                        .reshape(batch, queries, heads, headWidth)
                        .transpose(0, 2, 1, 3); // (B, H, N, E)
        NDArray packed =
                kv.forward(parameterStore, context, training)
                        .reshape(batch, keys, 2, heads, headWidth)
                        .transpose(2, 0, 3, 1, 4); // (2, B, H, M, E)
        return attend(parameterStore, query, packed.get(0), packed.get(1), training);
    }

    private NDArray attend(
            ParameterStore parameterStore,
            NDArray query,
            NDArray key,
            NDArray val,
            boolean training) {
        long batch = query.getShape().get(0);
        long queries = query.getShape().get(2);

        // Attention weights over the keys.
        NDArray weights =
                Scalars.times(query, scale).matMul(key.transpose(0, 1, 3, 2)).softmax(-1); // (B, H, N, M)

        // Weighted values, heads merged back into the width.
        NDArray merged =
                weights.matMul(val).transpose(0, 2, 1, 3).reshape(batch, queries, width); // (B, N, D)
        return proj.forward(parameterStore, merged, training); // (B, N, D)
    }

    /** Builds a {@link MultiHeadAttention}: {@code setWidth} and {@code setHeads} are required. */
    public static final class Builder {

        private int width;
        private int heads;
        private boolean cross;
        private boolean qkvBias = true;

        private Builder() {}

        /**
         * Sets the token width D.
         *
         * @param width D, a multiple of the head count
         */
        public Builder setWidth(int width) {
            this.width = width;
            return this;
        }

        /**
         * Sets the head count H.
         *
         * @param heads H
         */
        public Builder setHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /**
         * Makes this a cross-attention layer (default: self-attention).
         *
         * @param cross whether keys and values come from a separate context
         */
        public Builder optCross(boolean cross) {
            this.cross = cross;
            return this;
        }

        /**
         * Sets whether the query, key and value projections have a bias (default true, as in MAE).
         *
         * @param qkvBias whether to add the bias
         */
        public Builder optQkvBias(boolean qkvBias) {
            this.qkvBias = qkvBias;
            return this;
        }

        /** Validates the settings (as {@link TransformerSpec} does) and builds the layer. */
        public MultiHeadAttention build() {
            TransformerSpec.builder().setWidth(width).setHeads(heads).build();
            return new MultiHeadAttention(this);
        }
    }
}
