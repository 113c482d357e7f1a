package org.siammae.eval.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;

/** The k largest values along the last axis, with their indices. */
final class TopK {

    private TopK() {}

    /**
     * Returns the k largest values of each row and their column indices.
     *
     * @param scores (q, M)
     * @param k at most M
     * @return values (q, k) and int64 indices (q, k), in no particular order within a row
     */
    static NDList of(NDArray scores, int k) {
        if (scores instanceof PtNDArray pytorch) {
            return pytorch.topK(k, 1, true, false);
        }
        // Engines without a top-k operator: a full descending sort of each row.
        NDArray order = scores.argSort(1, false).get(":, :{}", k); // (q, k)
        return new NDList(scores.gather(order, 1), order);
    }
}
