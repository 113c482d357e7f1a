package org.siammae.eval.davis;

import org.siammae.eval.io.LabelImage;
import org.siammae.eval.io.LabelMap;

/** How the values of a DAVIS annotation PNG map to object ids. */
public enum AnnotationFormat {
    /**
     * Palette-indexed PNGs are read as object ids (DAVIS-2017), grayscale PNGs as single-object
     * masks (DAVIS-2016).
     */
    AUTO,
    /** Pixel value = object id, 0 background, 255 void (DAVIS-2017). */
    OBJECT_IDS,
    /** Any non-zero value is object 1 (DAVIS-2016 masks, stored as 0/255 grayscale). */
    SINGLE_OBJECT;

    /**
     * Returns the object ids of an annotation or prediction image.
     *
     * @param image the image as read
     */
    public LabelMap objectIds(LabelImage image) {
        return isSingleObject(image) ? image.labels().binarize() : image.labels();
    }

    /**
     * Returns whether an image of this format is read as a single-object mask.
     *
     * @param image the image as read
     */
    public boolean isSingleObject(LabelImage image) {
        return this == SINGLE_OBJECT || (this == AUTO && !image.indexed());
    }
}
