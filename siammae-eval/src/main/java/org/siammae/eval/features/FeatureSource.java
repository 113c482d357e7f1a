package org.siammae.eval.features;

import java.util.Locale;

/**
 * The features an evaluation propagates labels with: a checkpoint's trained encoder, or one of
 * the two baselines that need no training and show what pretraining added.
 */
public enum FeatureSource {
    /** The encoder of a checkpoint with its trained weights. */
    CHECKPOINT,
    /** The checkpoint's encoder architecture with fresh random weights (seeded). */
    RANDOM_INIT,
    /** Raw pixel patches. */
    RAW_PIXELS;

    /** Returns the name used in descriptors and on the command line, such as {@code raw-pixels}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Returns the source with a given key.
     *
     * @param key {@code checkpoint}, {@code random-init} or {@code raw-pixels}
     * @throws IllegalArgumentException naming the valid keys
     */
    public static FeatureSource of(String key) {
        for (FeatureSource source : values()) {
            if (source.key().equals(key)) {
                return source;
            }
        }
        throw new IllegalArgumentException(
                "unknown features '" + key + "'; choose checkpoint, random-init or raw-pixels");
    }
}
