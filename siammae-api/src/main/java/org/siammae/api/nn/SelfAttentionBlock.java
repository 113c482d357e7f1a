package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * The pre-norm ViT block: {@code x += SelfAttn(LN(x)); x += MLP(LN(x))}.
 *
 * <p>Dimensions: B batch, N tokens, D width.
 */
public final class SelfAttentionBlock extends FixedShapeBlock {

    private final LayerNormalization norm1;
    private final MultiHeadAttention attn;
    private final LayerNormalization norm2;
    private final Mlp mlp;

    /**
     * Creates the block.
     *
     * @param spec the sizes
     */
    public SelfAttentionBlock(TransformerSpec spec) {
        norm1 = addChildBlock("norm1", new LayerNormalization(spec.width()));
        attn = addChildBlock("attn", spec.attention(false));
        norm2 = addChildBlock("norm2", new LayerNormalization(spec.width()));
        mlp = addChildBlock("mlp", new Mlp(spec.width(), spec.mlpHidden()));
    }

    /**
     * Applies the block.
     *
     * @param parameterStore where parameter values are read
     * @param x tokens, (B, N, D)
     * @param training whether this is a training pass
     * @return (B, N, D)
     */
    public NDArray forward(ParameterStore parameterStore, NDArray x, boolean training) {
        NDArray attended =
                x.add(attn.forward(parameterStore, norm1.forward(parameterStore, x, training), training));
        return attended.add(
                mlp.forward(parameterStore, norm2.forward(parameterStore, attended, training), training));
    }
}
