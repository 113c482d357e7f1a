package org.siammae.eval.propagation;

/** The resampling of the first frame's label map to soft one-hot labels on the feature grid. */
public enum LabelDownsampling {
    /** Nearest-neighbour resize of the label map to the grid, then one-hot (DINO). */
    NEAREST,
    /** Mean of the one-hot map over each cell's pixels at the evaluation resolution. */
    AREA,
    /** Bilinear resize of the one-hot map to the grid, without antialiasing (CRW). */
    BILINEAR
}
