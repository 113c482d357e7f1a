package org.siammae.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * The visible patches of one frame, for every sample of a batch.
 *
 * <p>Polarity (the one place it is defined): in {@link #hiddenIndicator} a value of {@code 1}
 * means the patch is <b>hidden</b> and {@code 0} that it is visible. Every sample of a batch has the
 * same number of visible patches, so visible tokens stack into one tensor.
 *
 * <p>Dimensions: B batch size, L patches per frame, K visible patches per sample.
 */
public final class PatchMask {

    private final int numPatches;
    private final int[][] visible;

    private PatchMask(int numPatches, int[][] visible) {
        this.numPatches = numPatches;
        this.visible = visible;
    }

    /**
     * Creates a mask from the visible patch indices of each sample.
     *
     * @param numPatches patches per frame, L
     * @param visible for each sample, the indices of its visible patches (any order, no repeats)
     * @throws IllegalArgumentException if samples differ in count, repeat or exceed an index
     */
    public static PatchMask of(int numPatches, int[][] visible) {
        if (visible.length == 0) {
            throw new IllegalArgumentException("a mask needs at least one sample");
        }
        int count = visible[0].length;
        int[][] sorted = new int[visible.length][];
        for (int b = 0; b < visible.length; b++) {
            if (visible[b].length != count) {
                throw new IllegalArgumentException(
                        "every sample must keep the same number of patches: sample 0 keeps "
                                + count
                                + ", sample "
                                + b
                                + " keeps "
                                + visible[b].length);
            }
            sorted[b] = visible[b].clone();
            Arrays.sort(sorted[b]);
            for (int i = 0; i < count; i++) {
                int index = sorted[b][i];
                if (index < 0 || index >= numPatches) {
                    throw new IllegalArgumentException(
                            "patch index " + index + " of sample " + b + " is outside [0, " + numPatches + ")");
                }
                if (i > 0 && sorted[b][i - 1] == index) {
                    throw new IllegalArgumentException(
                            "patch index " + index + " is repeated in sample " + b);
                }
            }
        }
        return new PatchMask(numPatches, sorted);
    }

    /**
     * Returns a mask that hides nothing.
     *
     * @param batchSize samples, B
     * @param numPatches patches per frame, L
     */
    public static PatchMask allVisible(int batchSize, int numPatches) {
        int[][] visible = new int[batchSize][numPatches];
        for (int[] sample : visible) {
            Arrays.setAll(sample, i -> i);
        }
        return new PatchMask(numPatches, visible);
    }

    /** Returns the batch size, B. */
    public int batchSize() {
        return visible.length;
    }

    /** Returns the patches per frame, L. */
    public int numPatches() {
        return numPatches;
    }

    /** Returns the visible patches per sample, K. */
    public int numVisible() {
        return visible[0].length;
    }

    /** Returns the hidden patches per sample, L - K. */
    public int numHidden() {
        return numPatches - numVisible();
    }

    /** Returns whether no patch is hidden. */
    public boolean isFull() {
        return numVisible() == numPatches;
    }

    /**
     * Returns the visible patch indices of one sample, ascending.
     *
     * @param sample the sample index
     */
    public int[] visible(int sample) {
        return visible[sample].clone();
    }

    /**
     * Returns whether a patch of a sample is hidden.
     *
     * @param sample the sample index
     * @param patch the patch index
     */
    public boolean isHidden(int sample, int patch) {
        return Arrays.binarySearch(visible[sample], patch) < 0;
    }

    /**
     * Returns the visible patch indices, ascending per sample.
     *
     * @param manager where the array lives
     * @return (B, K) int64
     */
    public NDArray keepIndices(NDManager manager) {
        long[] flat = new long[batchSize() * numVisible()];
        int k = numVisible();
        for (int b = 0; b < batchSize(); b++) {
            for (int i = 0; i < k; i++) {
                flat[b * k + i] = visible[b][i];
            }
        }
        return manager.create(flat, new Shape(batchSize(), k)); // (B, K)
    }

    /**
     * Returns, for each patch, its position in the sequence "visible patches ascending, then hidden
     * patches ascending": gathering that sequence with these indices restores patch order.
     *
     * @param manager where the array lives
     * @return (B, L) int64
     */
    public NDArray restoreIndices(NDManager manager) {
        long[] flat = new long[batchSize() * numPatches];
        for (int b = 0; b < batchSize(); b++) {
            int nextVisible = 0;
            int nextHidden = numVisible();
            int[] keep = visible[b];
            for (int patch = 0; patch < numPatches; patch++) {
                boolean isVisible = nextVisible < keep.length && keep[nextVisible] == patch;
                flat[b * numPatches + patch] = isVisible ? nextVisible++ : nextHidden++;
            }
        }
        return manager.create(flat, new Shape(batchSize(), numPatches)); // (B, L)
    }

    /**
     * Returns the hidden indicator: 1 for a hidden patch, 0 for a visible one.
     *
     * @param manager where the array lives
     * @return (B, L) float32
     */
    public NDArray hiddenIndicator(NDManager manager) {
        float[] flat = new float[batchSize() * numPatches];
        Arrays.fill(flat, 1f);
        for (int b = 0; b < batchSize(); b++) {
            for (int patch : visible[b]) {
                flat[b * numPatches + patch] = 0f;
            }
        }
        return manager.create(flat, new Shape(batchSize(), numPatches)); // (B, L)
    }

    @Override
    public String toString() {
        return "PatchMask[B=" + batchSize() + ", L=" + numPatches + ", visible=" + numVisible() + "]";
    }
}
