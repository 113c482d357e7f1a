package org.siammae.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Fixed sine-cosine positional embeddings, as in MAE.
 *
 * <p>For a grid of h x w patches and width D, the first D/2 features encode the column index and
 * the last D/2 the row index. Each half is {@code [sin(pos * omega_i) ..., cos(pos * omega_i) ...]}
 * with {@code omega_i = 1 / 10000^(i / (D/4))}, {@code i = 0 .. D/4 - 1}. Values are computed in
 * double precision and rounded to float, as MAE computes them in NumPy float64.
 */
public final class SinCosEmbedding {

    private SinCosEmbedding() {}

    /**
     * Computes the embedding of a patch grid, row-major.
     *
     * @param width D, a multiple of 4
     * @param gridHeight h
     * @param gridWidth w
     * @return {@code h * w * D} values, patch by patch
     */
    public static float[] grid2d(int width, int gridHeight, int gridWidth) {
        if (width % 4 != 0) {
            throw new IllegalArgumentException(
                    "2D sin-cos embedding needs a width divisible by 4, got " + width);
        }
        int half = width / 2;
        float[] table = new float[gridHeight * gridWidth * width];
        for (int row = 0; row < gridHeight; row++) {
            for (int col = 0; col < gridWidth; col++) {
                int offset = (row * gridWidth + col) * width;
                fill1d(table, offset, half, col);
                fill1d(table, offset + half, half, row);
            }
        }
        return table;
    }

    /**
     * Computes the 1D embedding of positions {@code 0 .. count-1} (frame indices).
     *
     * @param width D, even
     * @param count number of positions
     * @return {@code count * D} values
     */
    public static float[] sequence1d(int width, int count) {
        if (width % 2 != 0) {
            throw new IllegalArgumentException("1D sin-cos embedding needs an even width, got " + width);
        }
        float[] table = new float[count * width];
        for (int position = 0; position < count; position++) {
            fill1d(table, position * width, width, position);
        }
        return table;
    }

    /**
     * Creates the embedding of a grid as an array.
     *
     * @param manager where the array lives
     * @param width D
     * @param gridHeight h
     * @param gridWidth w
     * @return (h * w, D)
     */
    public static NDArray create(NDManager manager, int width, int gridHeight, int gridWidth) {
        return manager.create(
                grid2d(width, gridHeight, gridWidth),
                new Shape((long) gridHeight * gridWidth, width)); // (h * w, D)
    }

    /**
     * Resizes a grid embedding to another grid by bicubic interpolation (PyTorch's {@code
     * interpolate(mode="bicubic", align_corners=False)}, as DINO adapts ViT embeddings).
     *
     * @param embedding (h * w, D)
     * @param gridHeight h
     * @param gridWidth w
     * @param newHeight h'
     * @param newWidth w'
     * @return (h' * w', D)
     */
    public static NDArray interpolate(
            NDArray embedding, int gridHeight, int gridWidth, int newHeight, int newWidth) {
        if (gridHeight == newHeight && gridWidth == newWidth) {
            return embedding;
        }
        long width = embedding.getShape().get(1);
        NDArray image =
                embedding.reshape(1, gridHeight, gridWidth, width).transpose(0, 3, 1, 2); // (1, D, h, w)
        NDArray resized =
                image.getNDArrayInternal()
                        .interpolation(new long[] {newHeight, newWidth}, BICUBIC, false); // (1, D, h', w')
        return resized.transpose(0, 2, 3, 1).reshape((long) newHeight * newWidth, width); // (h' * w', D)
    }

    /** DJL's interpolation code for bicubic ({@code ai.djl.modality.cv.util.NDImageUtils}). */
    private static final int BICUBIC = 3;

    private static void fill1d(float[] table, int offset, int width, double position) {
        int quarter = width / 2;
        for (int i = 0; i < quarter; i++) {
            double omega = 1.0 / Math.pow(10000.0, (double) i / quarter);
            double angle = position * omega;
            table[offset + i] = (float) Math.sin(angle);
            table[offset + quarter + i] = (float) Math.cos(angle);
        }
    }
}
