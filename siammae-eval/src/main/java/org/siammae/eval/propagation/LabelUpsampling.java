package org.siammae.eval.propagation;

/** How soft labels on the feature grid are brought to the evaluation resolution before arg-max. */
public enum LabelUpsampling {
    /** Bilinear, centre-aligned ({@code align_corners=False}). */
    BILINEAR,
    /** Nearest-neighbour at pixel centres. */
    NEAREST
}
