package org.siammae.eval.io;

import java.awt.image.IndexColorModel;

/** Colour palettes of indexed label PNGs. */
public final class Palette {

    private Palette() {}

    /**
     * Returns the 256-colour palette of DAVIS annotations, which is the PASCAL VOC colour map: the
     * bits of an index are spread over the three channels from the most significant bit down, so
     * index 1 is (128, 0, 0), 2 is (0, 128, 0), 3 is (128, 128, 0) and 4 is (0, 0, 128).
     */
    public static IndexColorModel davis() {
        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        for (int index = 0; index < 256; index++) {
            int bits = index;
            int r = 0;
            int g = 0;
            int b = 0;
            for (int shift = 7; shift >= 0; shift--) {
                r |= (bits & 1) << shift;
                g |= ((bits >> 1) & 1) << shift;
                b |= ((bits >> 2) & 1) << shift;
                bits >>= 3;
            }
            red[index] = (byte) r;
            green[index] = (byte) g;
            blue[index] = (byte) b;
        }
        return new IndexColorModel(8, 256, red, green, blue);
    }

    /**
     * Returns the RGB colour of an index, packed as {@code 0xRRGGBB}.
     *
     * @param palette the palette
     * @param index the label
     */
    public static int rgb(IndexColorModel palette, int index) {
        return palette.getRGB(index) & 0xFFFFFF;
    }
}
