package org.siammae.eval.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * The k best context cells of each target cell of a tile: scores and candidate indices, row-major
 * (q rows of k). Index ranges of several score blocks are kept apart by an offset, so blocks can
 * be searched separately and merged.
 *
 * @param k candidates per target
 * @param values scores, (q, k)
 * @param indices candidate indices, (q, k)
 */
record Candidates(int k, float[] values, long[] indices) {

    /**
     * Returns the k best of each row of a score block.
     *
     * @param scores (q, M)
     * @param k at most M
     * @param offset added to every index, so that blocks do not share indices
     */
    static Candidates top(NDArray scores, int k, long offset) {
        NDList top = TopK.of(scores, k);
        float[] values = top.get(0).toFloatArray();
        long[] indices = top.get(1).toType(DataType.INT64, false).toLongArray();
        if (offset != 0) {
            for (int i = 0; i < indices.length; i++) {
                indices[i] += offset;
            }
        }
        return new Candidates(k, values, indices);
    }

    /**
     * Returns the best {@code limit} of each row among this and another set, which is the top-k of
     * the concatenated score blocks.
     *
     * @param other candidates of the same rows
     * @param limit the k of the result
     */
    Candidates merge(Candidates other, int limit) {
        int rows = values.length / k;
        int merged = Math.min(limit, k + other.k);
        float[] outValues = new float[rows * merged];
        long[] outIndices = new long[rows * merged];
        float[] rowValues = new float[k + other.k];
        long[] rowIndices = new long[k + other.k];
        Integer[] order = new Integer[k + other.k];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(values, row * k, rowValues, 0, k);
            System.arraycopy(indices, row * k, rowIndices, 0, k);
            System.arraycopy(other.values, row * other.k, rowValues, k, other.k);
            System.arraycopy(other.indices, row * other.k, rowIndices, k, other.k);
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Float.compare(rowValues[b], rowValues[a]));
            for (int j = 0; j < merged; j++) {
                outValues[row * merged + j] = rowValues[order[j]];
                outIndices[row * merged + j] = rowIndices[order[j]];
            }
        }
        return new Candidates(merged, outValues, outIndices);
    }
}
