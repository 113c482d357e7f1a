package org.siammae.eval.propagation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The previous frames of the context: features in one fixed (S, h, w, D) array written in place,
 * and soft labels in Java arrays. Slots fill in order 0, 1, ... and then replace the oldest frame,
 * so slots {@code [0, count)} always hold the last {@code count} frames.
 */
final class ContextBank implements AutoCloseable {

    private final int slots;
    private final NDArray features;
    private final GridLabels[] labels;
    private long pushes;

    /**
     * Creates an empty bank.
     *
     * @param manager where the features live
     * @param slots S, the number of previous frames kept
     * @param gridHeight h
     * @param gridWidth w
     * @param dimension D
     */
    ContextBank(NDManager manager, int slots, int gridHeight, int gridWidth, int dimension) {
        this.slots = slots;
        this.features =
                slots == 0
                        ? null
                        : manager.zeros(
                                new Shape(slots, gridHeight, gridWidth, dimension), DataType.FLOAT32);
        this.labels = new GridLabels[slots];
    }

    /**
     * Adds a frame, replacing the oldest when full.
     *
     * @param frameFeatures (h, w, D)
     * @param frameLabels the frame's soft labels
     */
    void push(NDArray frameFeatures, GridLabels frameLabels) {
        if (slots == 0) {
            return;
        }
        int slot = (int) (pushes % slots);
        features.set(new NDIndex("{}", slot), frameFeatures);
        labels[slot] = frameLabels;
        pushes++;
    }

    /** Returns the number of filled slots. */
    int count() {
        return (int) Math.min(pushes, slots);
    }

    /** Returns the features of all slots, (S, h, w, D); only {@code [0, count)} are filled. */
    NDArray features() {
        return features;
    }

    /**
     * Returns the labels of a slot.
     *
     * @param slot a filled slot
     */
    GridLabels labels(int slot) {
        return labels[slot];
    }

    @Override
    public void close() {
        if (features != null) {
            features.close();
        }
    }
}
