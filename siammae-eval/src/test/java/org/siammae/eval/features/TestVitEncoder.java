package org.siammae.eval.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.siammae.api.model.EncodedFrames;
import org.siammae.api.model.Encoder;
import org.siammae.api.model.FrameMasks;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.api.nn.FixedShapeBlock;
import org.siammae.api.nn.LayerNormalization;
import org.siammae.api.nn.PatchEmbedding;
import org.siammae.api.nn.SelfAttentionBlock;
import org.siammae.api.nn.SinCosEmbedding;
import org.siammae.api.nn.TransformerSpec;

/**
 * A plain ViT built from the API layers for tests and benchmarks: patch embedding, fixed 2D
 * sin-cos positional embedding, pre-norm blocks and a final LayerNorm, without [CLS]. Only {@link
 * #denseFeatures} is implemented; the real encoders live in the encoders module.
 *
 * <p>Dimensions: B batch, H x W pixels, p patch, h x w grid, L = h * w, D width.
 */
public final class TestVitEncoder extends FixedShapeBlock implements Encoder {

    private final ModelGeometry geometry;
    private final int width;
    private final PatchEmbedding patchEmbed;
    private final SelfAttentionBlock[] blocks;
    private final LayerNormalization norm;

    /**
     * Creates the encoder.
     *
     * @param geometry the training layout (its grid is the one positional embeddings are made for)
     * @param width D
     * @param depth blocks
     * @param heads attention heads
     */
    public TestVitEncoder(ModelGeometry geometry, int width, int depth, int heads) {
        this.geometry = geometry;
        this.width = width;
        patchEmbed = addChildBlock("patch_embed", new PatchEmbedding(geometry.patchSize(), 3, width));
        TransformerSpec spec = TransformerSpec.builder().setWidth(width).setHeads(heads).build();
        blocks = new SelfAttentionBlock[depth];
        for (int i = 0; i < depth; i++) {
            blocks[i] = addChildBlock("block" + i, new SelfAttentionBlock(spec));
        }
        norm = addChildBlock("norm", new LayerNormalization(width));
    }

    /** Returns a ViT-S/16 (width 384, depth 12, 6 heads) trained at 224 x 224. */
    public static TestVitEncoder small16() {
        return new TestVitEncoder(ModelGeometry.pairs(224, 16), 384, 12, 6);
    }

    @Override
    public ModelGeometry geometry() {
        return geometry;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public EncodedFrames encode(
            ParameterStore parameterStore, NDArray frames, FrameMasks masks, boolean training) {
        throw new UnsupportedOperationException("the test ViT only computes dense features");
    }

    @Override
    public NDArray denseFeatures(
            ParameterStore parameterStore, NDArray images, PositionalEmbeddingMode mode) {
        long batch = images.getShape().get(0);
        int h = (int) images.getShape().get(2) / geometry.patchSize();
        int w = (int) images.getShape().get(3) / geometry.patchSize();
        NDArray position =
                mode == PositionalEmbeddingMode.RECOMPUTE
                        ? SinCosEmbedding.create(images.getManager(), width, h, w)
                        : SinCosEmbedding.interpolate(
                                SinCosEmbedding.create(
                                        images.getManager(), width, geometry.gridHeight(), geometry.gridWidth()),
                                geometry.gridHeight(),
                                geometry.gridWidth(),
                                h,
                                w); // (L, D)
        NDArray x = patchEmbed.forward(parameterStore, images, false).add(position); // (B, L, D)
        for (SelfAttentionBlock block : blocks) {
            x = block.forward(parameterStore, x, false); // (B, L, D)
        }
        return norm.forward(parameterStore, x, false).reshape(new Shape(batch, h, w, width)); // (B, h, w, D)
    }
}
