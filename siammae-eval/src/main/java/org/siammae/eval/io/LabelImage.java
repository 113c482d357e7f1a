package org.siammae.eval.io;

import java.awt.image.IndexColorModel;
import java.util.Optional;

/**
 * A label PNG as read from disk: the labels and, for palette-indexed files, the palette.
 *
 * @param labels the per-pixel values (palette indices, or grey levels for grayscale files)
 * @param palette the file's palette; empty for grayscale files
 */
public record LabelImage(LabelMap labels, Optional<IndexColorModel> palette) {

    /** Returns whether the file was palette-indexed. */
    public boolean indexed() {
        return palette.isPresent();
    }
}
