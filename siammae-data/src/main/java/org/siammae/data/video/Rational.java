package org.siammae.data.video;

import org.bytedeco.ffmpeg.avutil.AVRational;

/** Helpers for FFmpeg's rational numbers. */
final class Rational {

    private Rational() {}

    /** Returns whether a rational is set and positive. */
    static boolean positive(AVRational value) {
        return value != null && value.num() > 0 && value.den() > 0;
    }

    /** Returns a rational as a double; 0 when unset. */
    static double toDouble(AVRational value) {
        return positive(value) ? (double) value.num() / value.den() : 0.0;
    }
}
