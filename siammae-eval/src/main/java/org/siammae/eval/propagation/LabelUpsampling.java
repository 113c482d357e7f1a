package org.siammae.eval.propagation;

/** The resampling of soft grid labels to the evaluation resolution before the arg-max. */
public enum LabelUpsampling {
    /** Bilinear, centre-aligned ({@code align_corners=False}). */
    BILINEAR,
    /** Nearest-neighbour at pixel centres. */
    NEAREST
}
