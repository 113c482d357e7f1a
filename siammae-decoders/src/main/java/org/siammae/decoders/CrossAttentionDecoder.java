package org.siammae.decoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.siammae.api.model.Decoder;
import org.siammae.api.model.EncodedFrames;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.nn.CrossAttentionBlock;
import org.siammae.api.nn.FixedShapeBlock;
import org.siammae.api.nn.Tokens;
import org.siammae.api.nn.TransformerSpec;

/**
 * The SiamMAE decoders in which the target frame's tokens attend to the context frames' tokens.
 *
 * <p>Registered twice: {@code cross-self} (the paper's default: cross-attention, self-attention,
 * MLP in every block) and {@code cross} (cross-attention and MLP only). With several context frames
 * the keys and values are the tokens of all of them.
 *
 * <p>Dimensions: B batch, L patches, M context tokens, D decoder width, P values per patch.
 */
public final class CrossAttentionDecoder extends FixedShapeBlock implements Decoder {

    private final DecoderStem stem;
    private final List<CrossAttentionBlock> blocks = new ArrayList<>();

    /**
     * Creates a decoder.
     *
     * @param geometry the input layout
     * @param encoderWidth the encoder's token width
     * @param options the sizes
     * @param withSelfAttention true for {@code cross-self}, false for {@code cross}
     */
    public CrossAttentionDecoder(
            ModelGeometry geometry,
            int encoderWidth,
            DecoderOptions options,
            boolean withSelfAttention) {
        stem = addChildBlock("stem", new DecoderStem(geometry, encoderWidth, options.width));
        TransformerSpec spec = options.spec();
        for (int i = 0; i < options.depth; i++) {
            blocks.add(addChildBlock("blocks." + i, new CrossAttentionBlock(spec, withSelfAttention)));
        }
    }

    @Override
    public NDArray decode(
            ParameterStore parameterStore,
            EncodedFrames encoded,
            FrameMasks masks,
            boolean training) {
        // Keys and values: the tokens of every context frame.
        NDList contextSets = new NDList();
        for (int t = 0; t < masks.context().size(); t++) {
            contextSets.add(
                    stem.context(parameterStore, encoded.tokens().get(t), masks.get(t), training)); // (B, 1 + K_t, D)
        }
        NDArray context = Tokens.concat(contextSets, 1); // (B, M, D)

        // Queries: the target frame completed with [MASK] tokens.
        NDArray x = stem.target(parameterStore, encoded.target(), masks.target(), training); // (B, 1 + L, D)
        for (CrossAttentionBlock block : blocks) {
            x = block.forward(parameterStore, x, context, training); // (B, 1 + L, D)
        }
        return stem.predict(parameterStore, x, training); // (B, L, P)
    }
}
