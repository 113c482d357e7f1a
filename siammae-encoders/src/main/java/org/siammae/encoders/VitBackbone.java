package org.siammae.encoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.PositionalEmbeddingMode;
import org.siammae.api.nn.FixedShapeBlock;
import org.siammae.api.nn.LayerNormalization;
import org.siammae.api.nn.PatchEmbedding;
import org.siammae.api.nn.SeededInitializer;
import org.siammae.api.nn.SelfAttentionBlock;
import org.siammae.api.nn.SinCosEmbedding;
import org.siammae.api.nn.TransformerSpec;

/**
 * A Vision Transformer: patch embedding, a learned [CLS] token, a fixed 2D sin-cos positional
 * embedding, pre-norm blocks and a final LayerNorm (eps 1e-6).
 *
 * <p>The positional embedding is not a parameter: it is computed for the training grid and, for
 * another grid, interpolated or recomputed (see {@link PositionalEmbeddingMode}). The [CLS] token's
 * positional embedding is zero, as in MAE.
 *
 * <p>Dimensions: N images, C channels, H x W pixels, h x w patch grid, L = h * w patches, S tokens
 * in a sequence, D width.
 */
public final class VitBackbone extends FixedShapeBlock {

    private final ModelGeometry geometry;
    private final int width;
    private final PatchEmbedding patchEmbed;
    private final Parameter clsToken;
    private final List<SelfAttentionBlock> blocks = new ArrayList<>();
    private final LayerNormalization norm;
    private final float[] trainingEmbedding;

    /**
     * Creates a backbone.
     *
     * @param geometry the training input layout (patch size, grid)
     * @param options the sizes
     */
    public VitBackbone(ModelGeometry geometry, VitOptions options) {
        this.geometry = geometry;
        this.width = options.resolvedWidth();
        TransformerSpec spec =
                TransformerSpec.builder()
                        .setWidth(width)
                        .setHeads(options.resolvedHeads())
                        .optMlpRatio(options.mlpRatio)
                        .build();
        patchEmbed =
                addChildBlock(
                        "patchEmbed",
                        new PatchEmbedding(geometry.patchSize(), geometry.channels(), width));
        clsToken = addParameter("clsToken", new Shape(1, 1, width), SeededInitializer.normal(0.02));
        for (int i = 0; i < options.resolvedDepth(); i++) {
            blocks.add(addChildBlock("blocks." + i, new SelfAttentionBlock(spec)));
        }
        norm = addChildBlock("norm", new LayerNormalization(width));
        trainingEmbedding = SinCosEmbedding.grid2d(width, geometry.gridHeight(), geometry.gridWidth());
    }

    /** Returns the token width D. */
    public int width() {
        return width;
    }

    /** Returns the training input layout. */
    public ModelGeometry geometry() {
        return geometry;
    }

    /**
     * Embeds every patch and adds the positional embedding of the training grid.
     *
     * @param parameterStore where parameter values are read
     * @param images (N, C, H, W) at the training size
     * @param training whether this is a training pass
     * @return (N, L, D)
     */
    public NDArray embedPatches(ParameterStore parameterStore, NDArray images, boolean training) {
        NDArray tokens = patchEmbed.forward(parameterStore, images, training); // (N, L, D)
        NDArray position = trainingEmbedding(images.getManager()); // (L, D)
        return tokens.add(position); // (N, L, D)
    }

    /**
     * Returns the [CLS] token repeated for a batch.
     *
     * @param parameterStore where parameter values are read
     * @param like an array on the target device and manager
     * @param batch N
     * @param training whether this is a training pass
     * @return (N, 1, D)
     */
    public NDArray cls(ParameterStore parameterStore, NDArray like, long batch, boolean training) {
        NDArray token = value(parameterStore, clsToken, like, training); // (1, 1, D)
        NDArray zeros = like.getManager().zeros(new Shape(batch, 1, width)); // (N, 1, D)
        return zeros.add(token); // (N, 1, D)
    }

    /**
     * Runs the transformer blocks and the final LayerNorm.
     *
     * @param parameterStore where parameter values are read
     * @param tokens (N, S, D)
     * @param training whether this is a training pass
     * @return (N, S, D)
     */
    public NDArray forwardBlocks(ParameterStore parameterStore, NDArray tokens, boolean training) {
        NDArray x = tokens;
        for (SelfAttentionBlock block : blocks) {
            x = block.forward(parameterStore, x, training); // (N, S, D)
        }
        return norm.forward(parameterStore, x, training); // (N, S, D)
    }

    /**
     * Encodes whole frames of any size that is a multiple of the patch: the evaluation features.
     *
     * @param parameterStore where parameter values are read
     * @param images (N, C, H', W')
     * @param mode how the positional embedding is adapted to the grid
     * @param extraEmbedding added to every patch token (a temporal embedding), or null
     * @return (N, H'/p, W'/p, D)
     */
    public NDArray denseFeatures(
            ParameterStore parameterStore,
            NDArray images,
            PositionalEmbeddingMode mode,
            NDArray extraEmbedding) {
        long batch = images.getShape().get(0);
        int gridHeight = Math.toIntExact(images.getShape().get(2) / geometry.patchSize());
        int gridWidth = Math.toIntExact(images.getShape().get(3) / geometry.patchSize());

        // Patch tokens with the positional embedding adapted to this grid.
        NDArray tokens = patchEmbed.forward(parameterStore, images, false); // (N, L', D)
        tokens = tokens.add(positionalEmbedding(images.getManager(), gridHeight, gridWidth, mode));
        if (extraEmbedding != null) {
            tokens = tokens.add(extraEmbedding); // (N, L', D)
        }

        // [CLS] first, as in training, then dropped from the output.
        NDArray sequence = cls(parameterStore, images, batch, false).concat(tokens, 1); // (N, 1 + L', D)
        NDArray encoded = forwardBlocks(parameterStore, sequence, false); // (N, 1 + L', D)
        return encoded.get(":, 1:").reshape(batch, gridHeight, gridWidth, width); // (N, h', w', D)
    }

    /**
     * Returns the positional embedding of a grid.
     *
     * @param manager where the array lives
     * @param gridHeight rows h'
     * @param gridWidth columns w'
     * @param mode for a grid other than the training grid: interpolate the training embedding
     *     or recompute the sin-cos table
     * @return (h' * w', D)
     */
    NDArray positionalEmbedding(
            NDManager manager, int gridHeight, int gridWidth, PositionalEmbeddingMode mode) {
        if (mode == PositionalEmbeddingMode.RECOMPUTE) {
            return SinCosEmbedding.create(manager, width, gridHeight, gridWidth); // (h' * w', D)
        }
        return SinCosEmbedding.interpolate(
                trainingEmbedding(manager),
                geometry.gridHeight(),
                geometry.gridWidth(),
                gridHeight,
                gridWidth); // (h' * w', D)
    }

    private NDArray trainingEmbedding(NDManager manager) {
        return manager.create(trainingEmbedding, new Shape(geometry.numPatches(), width)); // (L, D)
    }
}
