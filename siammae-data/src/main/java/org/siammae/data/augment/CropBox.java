package org.siammae.data.augment;

/**
 * A rectangle of an image in whole pixels.
 *
 * @param top the first row
 * @param left the first column
 * @param height rows, at least 1
 * @param width columns, at least 1
 */
public record CropBox(int top, int left, int height, int width) {

    public CropBox {
        if (top < 0 || left < 0 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "invalid crop box: top " + top + ", left " + left + ", " + height + " x " + width);
        }
    }

    /**
     * Returns the box that covers a whole image.
     *
     * @param height image rows
     * @param width image columns
     */
    public static CropBox whole(int height, int width) {
        return new CropBox(0, 0, height, width);
    }
}
