package org.siammae.decoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.siammae.api.model.Decoder;
import org.siammae.api.model.EncodedFrames;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.nn.FixedShapeBlock;
import org.siammae.api.nn.Tokens;
import org.siammae.api.nn.SelfAttentionBlock;
import org.siammae.api.nn.SinCosEmbedding;
import org.siammae.api.nn.TransformerSpec;

/**
 * The {@code joint} decoder: plain transformer blocks over the concatenated token sets of all
 * frames (context frames' visible tokens, then the completed target frame), as in MAE-style video
 * decoders. The target frame's part of the output is turned into pixels.
 *
 * <p>Dimensions: B batch, L patches, S tokens in the joint sequence, D decoder width, P values per
 * patch.
 */
public final class JointDecoder extends FixedShapeBlock implements Decoder {

    private final DecoderStem stem;
    private final List<SelfAttentionBlock> blocks = new ArrayList<>();
    private final float[] frameEmbedding;
    private final int frames;

    /**
     * Creates the decoder.
     *
     * @param geometry the input layout
     * @param encoderWidth the encoder's token width
     * @param options the sizes and the frame embedding switch
     */
    public JointDecoder(ModelGeometry geometry, int encoderWidth, JointDecoderOptions options) {
        stem = addChildBlock("stem", new DecoderStem(geometry, encoderWidth, options.width));
        TransformerSpec spec = options.spec();
        for (int i = 0; i < options.depth; i++) {
            blocks.add(addChildBlock("blocks." + i, new SelfAttentionBlock(spec)));
        }
        frames = geometry.frames();
        frameEmbedding =
                options.temporalEmbedding
                        ? SinCosEmbedding.sequence1d(options.width, frames)
                        : new float[frames * options.width];
    }

    @Override
    public NDArray decode(
            ParameterStore parameterStore,
            EncodedFrames encoded,
            FrameMasks masks,
            boolean training) {
        NDArray frameCodes =
                encoded.target()
                        .getManager()
                        .create(frameEmbedding, new Shape(frames, 1, stem.width())); // (T, 1, D)

        // Context frames' tokens, then the completed target frame, each tagged with its frame.
        NDList parts = new NDList();
        for (int t = 0; t < masks.context().size(); t++) {
            parts.add(
                    stem.context(parameterStore, encoded.tokens().get(t), masks.get(t), training)
                            .add(frameCodes.get(t))); // (B, 1 + K_t, D)
        }
        NDArray target =
                stem.target(parameterStore, encoded.target(), masks.target(), training)
                        .add(frameCodes.get(frames - 1)); // (B, 1 + L, D)
        parts.add(target);

        // Transformer blocks over the joint sequence.
        NDArray x = Tokens.concat(parts, 1); // (B, S, D)
        for (SelfAttentionBlock block : blocks) {
            x = block.forward(parameterStore, x, training); // (B, S, D)
        }

        // The target frame's tokens are the last 1 + L.
        long start = x.getShape().get(1) - target.getShape().get(1);
        return stem.predict(parameterStore, x.get(new NDIndex(":, {}:", start)), training); // (B, L, P)
    }
}
