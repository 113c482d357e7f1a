package org.siammae.decoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.siammae.api.model.ModelGeometry;
import org.siammae.api.model.PatchMask;
import org.siammae.api.nn.Dense;
import org.siammae.api.nn.FixedShapeBlock;
import org.siammae.api.nn.LayerNormalization;
import org.siammae.api.nn.SeededInitializer;
import org.siammae.api.nn.SinCosEmbedding;
import org.siammae.api.nn.Tokens;

/**
 * The parts every decoder shares, as in MAE: a linear projection from the encoder width, a learned
 * [MASK] token, the decoder's own fixed 2D sin-cos positional embedding, a final LayerNorm and a
 * linear head to the pixels of a patch.
 *
 * <p>The [CLS] token keeps a zero positional embedding. Dimensions: B batch, L patches, K visible
 * patches, E encoder width, D decoder width, P values per patch.
 */
final class DecoderStem extends FixedShapeBlock {

    private final ModelGeometry geometry;
    private final int width;
    private final Dense embed;
    private final Parameter maskToken;
    private final LayerNormalization norm;
    private final Dense pred;
    private final float[] positions;

    DecoderStem(ModelGeometry geometry, int encoderWidth, int width) {
        this.geometry = geometry;
        this.width = width;
        embed = addChildBlock("embed", new Dense(encoderWidth, width, true));
        maskToken = addParameter("maskToken", new Shape(1, 1, width), SeededInitializer.normal(0.02));
        norm = addChildBlock("norm", new LayerNormalization(width));
        pred = addChildBlock("pred", new Dense(width, geometry.patchDim(), true));
        positions = SinCosEmbedding.grid2d(width, geometry.gridHeight(), geometry.gridWidth());
    }

    /**
     * Completes the target frame: projects its visible tokens, puts a [MASK] token at every hidden
     * position, restores patch order and adds the positional embedding.
     *
     * @param parameterStore where parameter values are read
     * @param tokens the target's encoder tokens, (B, 1 + K, E)
     * @param mask the target's mask
     * @param training whether this is a training pass
     * @return [CLS] then every patch in order, (B, 1 + L, D)
     */
    NDArray target(ParameterStore parameterStore, NDArray tokens, PatchMask mask, boolean training) {
        NDManager manager = tokens.getManager();
        long batch = tokens.getShape().get(0);
        NDArray projected = embed.forward(parameterStore, tokens, training); // (B, 1 + K, D)

        // [MASK] tokens fill the hidden positions.
        NDArray fill =
                manager.zeros(new Shape(batch, mask.numHidden(), width))
                        .add(value(parameterStore, maskToken, tokens, training)); // (B, L - K, D)
        NDArray patches =
                Tokens.restore(
                        projected.get(":, 1:"), fill, mask.restoreIndices(manager)); // (B, L, D)

        // Positions of every patch; [CLS] has none.
        patches = patches.add(positions(manager)); // (B, L, D)
        return projected.get(":, 0:1").concat(patches, 1); // (B, 1 + L, D)
    }

    /**
     * Projects a context frame's tokens and adds the positional embedding of each visible patch.
     *
     * @param parameterStore where parameter values are read
     * @param tokens the context frame's encoder tokens, (B, 1 + K, E)
     * @param mask the context frame's mask
     * @param training whether this is a training pass
     * @return (B, 1 + K, D)
     */
    NDArray context(ParameterStore parameterStore, NDArray tokens, PatchMask mask, boolean training) {
        NDManager manager = tokens.getManager();
        long batch = tokens.getShape().get(0);
        NDArray projected = embed.forward(parameterStore, tokens, training); // (B, 1 + K, D)
        NDArray allPositions =
                positions(manager).expandDims(0).broadcast(new Shape(batch, geometry.numPatches(), width)); // (B, L, D)
        NDArray visiblePositions = Tokens.gather(allPositions, mask.keepIndices(manager)); // (B, K, D)
        NDArray patches = projected.get(":, 1:").add(visiblePositions); // (B, K, D)
        return projected.get(":, 0:1").concat(patches, 1); // (B, 1 + K, D)
    }

    /**
     * Predicts the pixels of every patch.
     *
     * @param parameterStore where parameter values are read
     * @param x decoded target tokens, [CLS] first, (B, 1 + L, D)
     * @param training whether this is a training pass
     * @return (B, L, P)
     */
    NDArray predict(ParameterStore parameterStore, NDArray x, boolean training) {
        NDArray normed = norm.forward(parameterStore, x, training); // (B, 1 + L, D)
        return pred.forward(parameterStore, normed.get(":, 1:"), training); // (B, L, P)
    }

    int width() {
        return width;
    }

    private NDArray positions(NDManager manager) {
        return manager.create(positions, new Shape(geometry.numPatches(), width)); // (L, D)
    }
}
