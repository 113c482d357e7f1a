package org.siammae.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.siammae.api.model.EncodedFrames;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.api.nn.FixedShapeBlock;
import org.siammae.api.nn.SinCosEmbedding;
import org.siammae.api.nn.Tokens;

/**
 * The joint encoder of the FrameMAE ablation in SiamMAE (Gupta et al. 2023): the visible patches of all frames form one
 * sequence behind a single [CLS] token, encoded by one ViT.
 *
 * <p>Each patch token carries the 2D positional embedding of its place in the frame and, unless
 * disabled, a 1D sin-cos embedding of its frame index. The output is split back into one token set
 * per frame, each headed by the shared [CLS] output.
 *
 * <p>Dimensions: B batch, T frames, C channels, H x W pixels, L patches, K_t visible patches of
 * frame t, S = 1 + sum K_t, D width.
 */
public final class JointEncoder extends FixedShapeBlock implements Encoder {

    private final VitBackbone vit;
    private final float[] frameEmbedding;

    /**
     * Creates the encoder.
     *
     * @param geometry the training input layout
     * @param options the ViT sizes and the frame embedding switch
     */
    public JointEncoder(ModelGeometry geometry, JointEncoderOptions options) {
        vit = addChildBlock("vit", new VitBackbone(geometry, options));
        frameEmbedding =
                options.temporalEmbedding
                        ? SinCosEmbedding.sequence1d(vit.width(), geometry.frames())
                        : new float[geometry.frames() * vit.width()];
    }

    @Override
    public ModelGeometry geometry() {
        return vit.geometry();
    }

    @Override
    public int width() {
        return vit.width();
    }

    @Override
    public EncodedFrames encode(
            ParameterStore parameterStore, NDArray frames, FrameMasks masks, boolean training) {
        long batch = frames.getShape().get(0);
        int frameCount = masks.size();
        NDArray frameCodes =
                frames.getManager()
                        .create(frameEmbedding, new Shape(frameCount, 1, vit.width())); // (T, 1, D)

        // Visible patch tokens of every frame, with position and frame embeddings.
        NDList parts = new NDList();
        parts.add(vit.cls(parameterStore, frames, batch, training)); // (B, 1, D)
        for (int t = 0; t < frameCount; t++) {
            NDArray image = frames.get(new NDIndex(":, {}", t)); // (B, C, H, W)
            NDArray tokens =
                    vit.embedPatches(parameterStore, image, training)
                            .add(frameCodes.get(t)); // (B, L, D)
            parts.add(Tokens.gather(tokens, masks.get(t).keepIndices(frames.getManager()))); // (B, K_t, D)
        }

        // One sequence for all frames.
        NDArray encoded =
                vit.forwardBlocks(parameterStore, Tokens.concat(parts, 1), training); // (B, S, D)

        // Split into per-frame sets, each headed by the shared [CLS] output.
        NDArray cls = encoded.get(":, 0:1"); // (B, 1, D)
        List<NDArray> sets = new ArrayList<>(frameCount);
        long offset = 1;
        for (int t = 0; t < frameCount; t++) {
            long visible = masks.get(t).numVisible();
            NDArray patches = encoded.get(new NDIndex(":, {}:{}", offset, offset + visible)); // (B, K_t, D)
            sets.add(cls.concat(patches, 1)); // (B, 1 + K_t, D)
            offset += visible;
        }
        return new EncodedFrames(sets);
    }

    @Override
    public NDArray denseFeatures(
            ParameterStore parameterStore, NDArray images, PositionalEmbeddingMode mode) {
        NDArray firstFrame =
                images.getManager()
                        .create(frameEmbedding, new Shape(geometry().frames(), vit.width()))
                        .get("0:1"); // (1, D)
        return vit.denseFeatures(parameterStore, images, mode, firstFrame); // (B, h', w', D)
    }
}
