package org.siammae.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siammae.api.model.EncodedFrames;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.api.nn.FixedShapeBlock;
import org.siammae.api.nn.Tokens;

/**
 * The SiamMAE encoder: one ViT, with one set of weights, encodes each frame on its own.
 *
 * <p>Every frame gets the same positional embedding (no temporal embedding), so the encoder cannot
 * tell frames apart; only the decoder relates them. Frames that keep the same number of patches
 * are stacked along the batch axis and encoded in one pass, which gives the same result as separate
 * passes because no operation mixes samples.
 *
 * <p>Dimensions: B batch, T frames, C channels, H x W pixels, L patches, K_t visible patches of
 * frame t, D width.
 */
public final class SiameseEncoder extends FixedShapeBlock implements Encoder {

    private final VitBackbone vit;

    /**
     * Creates the encoder.
     *
     * @param geometry the training input layout
     * @param options the ViT sizes
     */
    public SiameseEncoder(ModelGeometry geometry, VitOptions options) {
        vit = addChildBlock("vit", new VitBackbone(geometry, options));
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

        // Group frames by visible count: each group is one pass through the shared ViT.
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int t = 0; t < frameCount; t++) {
            groups.computeIfAbsent(masks.get(t).numVisible(), k -> new ArrayList<>()).add(t);
        }

        NDArray[] encodedByFrame = new NDArray[frameCount];
        for (List<Integer> group : groups.values()) {
            NDList images = new NDList();
            NDList keep = new NDList();
            for (int t : group) {
                images.add(frames.get(new NDIndex(":, {}", t))); // (B, C, H, W)
                keep.add(masks.get(t).keepIndices(frames.getManager())); // (B, K)
            }

            // Embed all patches, then keep the visible ones.
            NDArray stacked = Tokens.concat(images, 0); // (G * B, C, H, W)
            NDArray tokens = vit.embedPatches(parameterStore, stacked, training); // (G * B, L, D)
            NDArray visible = Tokens.gather(tokens, Tokens.concat(keep, 0)); // (G * B, K, D)

            // Prepend [CLS] and run the blocks.
            NDArray sequence =
                    vit.cls(parameterStore, frames, visible.getShape().get(0), training)
                            .concat(visible, 1); // (G * B, 1 + K, D)
            NDArray encoded = vit.forwardBlocks(parameterStore, sequence, training); // (G * B, 1 + K, D)

            // Split the stack back into frames.
            for (int i = 0; i < group.size(); i++) {
                encodedByFrame[group.get(i)] =
                        encoded.get(new NDIndex("{}:{}", i * batch, (i + 1) * batch)); // (B, 1 + K, D)
            }
        }
        return new EncodedFrames(List.of(encodedByFrame));
    }

    @Override
    public NDArray denseFeatures(
            ParameterStore parameterStore, NDArray images, PositionalEmbeddingMode mode) {
        return vit.denseFeatures(parameterStore, images, mode, null); // (B, h', w', D)
    }
}
