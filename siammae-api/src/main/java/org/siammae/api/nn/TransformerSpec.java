package org.siammae.api.nn;

/**
 * The sizes shared by every transformer block of a stack.
 *
 * @param width token width D
 * @param heads attention heads H, dividing D
 * @param mlpRatio hidden width of the feed-forward layer over D
 */
public record TransformerSpec(int width, int heads, double mlpRatio) {

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the feed-forward hidden width, {@code round(width * mlpRatio)}. */
    public int mlpHidden() {
        return (int) Math.round(width * mlpRatio);
    }

    /** Returns a multi-head attention layer of these sizes. */
    MultiHeadAttention attention(boolean cross) {
        return MultiHeadAttention.builder().setWidth(width).setHeads(heads).optCross(cross).build();
    }

    /** Builds a {@link TransformerSpec}: {@code setWidth} and {@code setHeads} are required. */
    public static final class Builder {

        private int width;
        private int heads;
        private double mlpRatio = 4.0;

        private Builder() {}

        /**
         * Sets the token width.
         *
         * @param width D
         */
        public Builder setWidth(int width) {
            this.width = width;
            return this;
        }

        /**
         * Sets the number of attention heads.
         *
         * @param heads H, dividing D
         */
        public Builder setHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /**
         * Sets the feed-forward hidden width over the token width (default 4).
         *
         * @param mlpRatio a positive ratio
         */
        public Builder optMlpRatio(double mlpRatio) {
            this.mlpRatio = mlpRatio;
            return this;
        }

        /** Validates the sizes and builds the spec. */
        public TransformerSpec build() {
            if (width <= 0) {
                throw new IllegalArgumentException("transformer width must be positive, got " + width);
            }
            if (heads <= 0 || width % heads != 0) {
                throw new IllegalArgumentException(
                        "transformer heads must be positive and divide the width "
                                + width
                                + ", got "
                                + heads);
            }
            if (!(mlpRatio > 0)) {
                throw new IllegalArgumentException("MLP ratio must be positive, got " + mlpRatio);
            }
            return new TransformerSpec(width, heads, mlpRatio);
        }
    }
}
