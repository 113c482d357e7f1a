package org.siammae.eval.features;

/** The rule that sets the evaluation resolution of a video from its native frame size. */
public enum ResizeRule {
    /** A fixed height x width, whatever the native size (SiamMAE on DAVIS: 480 x 880). */
    FIXED,
    /** The short side gets a given length, the long side keeps the aspect ratio (DINO). */
    SHORT_SIDE,
    /** The long side gets a given length, the short side keeps the aspect ratio (VIP). */
    LONG_SIDE,
    /** The native size. */
    NATIVE
}
