package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * A pre-norm decoder block in which target tokens attend to context tokens, optionally followed by
 * self-attention among the target tokens:
 *
 * <pre>
 * x += CrossAttn(LN(x), LN(context))
 * x += SelfAttn(LN(x))          (only with self-attention)
 * x += MLP(LN(x))
 * </pre>
 *
 * <p>The context stream has its own LayerNorm. Dimensions: B batch, N target tokens, M context
 * tokens, D width.
 */
public final class CrossAttentionBlock extends FixedShapeBlock {

    private final LayerNormalization normQuery;
    private final LayerNormalization normContext;
    private final MultiHeadAttention crossAttn;
    private final LayerNormalization normSelf;
    private final MultiHeadAttention selfAttn;
    private final LayerNormalization normMlp;
    private final Mlp mlp;

    /**
     * Creates the block.
     *
     * @param spec the sizes
     * @param withSelfAttention whether to add the self-attention step (cross-self decoder)
     */
    public CrossAttentionBlock(TransformerSpec spec, boolean withSelfAttention) {
        normQuery = addChildBlock("normQuery", new LayerNormalization(spec.width()));
        normContext = addChildBlock("normContext", new LayerNormalization(spec.width()));
        crossAttn = addChildBlock("crossAttn", spec.attention(true));
        if (withSelfAttention) {
            normSelf = addChildBlock("normSelf", new LayerNormalization(spec.width()));
            selfAttn = addChildBlock("selfAttn", spec.attention(false));
        } else {
            normSelf = null;
            selfAttn = null;
        }
        normMlp = addChildBlock("normMlp", new LayerNormalization(spec.width()));
        mlp = addChildBlock("mlp", new Mlp(spec.width(), spec.mlpHidden()));
    }

    /**
     * Applies the block.
     *
     * @param parameterStore where parameter values are read
     * @param x target tokens, (B, N, D)
     * @param context context tokens, (B, M, D)
     * @param training whether this is a training pass
     * @return (B, N, D)
     */
    public NDArray forward(
            ParameterStore parameterStore, NDArray x, NDArray context, boolean training) {
        // Cross-attention: target queries read the context.
        NDArray out =
                x.add(
                        crossAttn.forward(
                                parameterStore,
                                normQuery.forward(parameterStore, x, training),
                                normContext.forward(parameterStore, context, training),
                                training)); // (B, N, D)

        // Self-attention among target tokens.
        if (selfAttn != null) {
            out =
                    out.add(
                            selfAttn.forward(
                                    parameterStore,
                                    normSelf.forward(parameterStore, out, training),
                                    training)); // (B, N, D)
        }

        // Feed-forward.
        return out.add(
                mlp.forward(parameterStore, normMlp.forward(parameterStore, out, training), training));
    }
}
