package org.siammae.eval.io;

import java.awt.image.IndexColorModel;

/** Colour palettes of indexed label PNGs. */
public final class Palette {

    private Palette() {}

    /** Palette entries from here on are grey levels (i, i, i) in the DAVIS annotation files. */
    private static final int DAVIS_COLOURS = 22;

    /**
     * Returns the 256-colour palette of the DAVIS-2017 annotation files. Indices 0 to 21 follow the
     * PASCAL VOC colour map, which spreads the bits of an index over the channels from the most
     * significant bit down. So 1 is (128, 0, 0), 2 is (0, 128, 0) and 4 is (0, 0, 128). The files
     * store a channel value of 192 as 191, and indices from 22 up are the grey level (i, i, i).
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
            if (index < DAVIS_COLOURS) {
                red[index] = (byte) (r == 192 ? 191 : r);
                green[index] = (byte) (g == 192 ? 191 : g);
                blue[index] = (byte) (b == 192 ? 191 : b);
            } else {
                red[index] = (byte) index;
                green[index] = (byte) index;
                blue[index] = (byte) index;
            }
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
