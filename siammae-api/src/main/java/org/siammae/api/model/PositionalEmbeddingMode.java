package org.siammae.api.model;

/** The way an encoder adapts its positional embedding to a grid other than its training grid. */
public enum PositionalEmbeddingMode {
    /**
     * Resize the training grid's embedding bicubically to the new grid (as DINO does); the default,
     * because it matches the embedding the weights were trained with.
     */
    INTERPOLATE,
    /** Compute the fixed 2D sin-cos embedding afresh for the new grid. */
    RECOMPUTE
}
