package org.siammae.eval.io;

import org.siammae.api.io.AtomicFiles;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads and writes label maps as PNG files: palette-indexed (DAVIS-2017 annotations and results,
 * one index per object) or 8-bit grayscale (DAVIS-2016 masks, VIP class ids).
 *
 * <p>RGB files are rejected: a label map saved as colours cannot be read back as ids without
 * guessing, which is a common way to corrupt DAVIS results.
 */
public final class LabelPngs {

    private LabelPngs() {}

    /**
     * Reads a label PNG.
     *
     * @param file a palette-indexed or 8-bit grayscale PNG
     * @throws IOException if the file cannot be read or is not a label image
     */
    public static LabelImage read(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException("failed to read label image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException("not a readable image file: " + file);
        }
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int height = image.getHeight();
        Optional<IndexColorModel> palette;
        if (image.getColorModel() instanceof IndexColorModel model) {
            palette = Optional.of(model);
        } else if (raster.getNumBands() == 1
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && raster.getSampleModel().getSampleSize(0) == 8) {
            palette = Optional.empty();
        } else {
            throw new IOException(
                    "label image "
                            + file
                            + " is neither palette-indexed nor 8-bit grayscale ("
                            + raster.getNumBands()
                            + " bands of "
                            + raster.getSampleModel().getSampleSize(0)
                            + " bits); save label maps as indexed PNGs, not RGB");
        }
        byte[] values = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                values[y * width + x] = (byte) row[x];
            }
        }
        return new LabelImage(LabelMap.wrap(width, height, values), palette);
    }

    /**
     * Reads a label PNG and returns its values.
     *
     * @param file a palette-indexed or 8-bit grayscale PNG
     * @throws IOException if the file cannot be read or is not a label image
     */
    public static LabelMap readLabels(Path file) throws IOException {
        return read(file).labels();
    }

    /**
     * Writes a label map as an 8-bit palette-indexed PNG, through a temporary file in the same
     * folder that is then moved into place, so that a reader never sees a partial file.
     *
     * @param file the destination
     * @param labels the labels (palette indices)
     * @param palette the palette, 256 entries or fewer
     * @throws IOException if writing fails
     */
    public static void writeIndexed(Path file, LabelMap labels, IndexColorModel palette)
            throws IOException {
        IndexColorModel full = palette.getMapSize() == 256 ? palette : extend(palette);
        BufferedImage image =
                new BufferedImage(
                        labels.width(), labels.height(), BufferedImage.TYPE_BYTE_INDEXED, full);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(labels.values(), 0, target, 0, target.length);
        AtomicFiles.write(file, out -> writePng(image, out, file));
    }

    /**
     * Writes an RGB image as a PNG through a temporary file.
     *
     * @param file the destination
     * @param image the image
     * @throws IOException if writing fails
     */
    public static void writeRgb(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> writePng(image, out, file));
    }

    private static void writePng(BufferedImage image, OutputStream out, Path file)
            throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    private static IndexColorModel extend(IndexColorModel palette) {
        int size = palette.getMapSize();
        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        IndexColorModel davis = Palette.davis();
        for (int i = 0; i < 256; i++) {
            int rgb = i < size ? palette.getRGB(i) : davis.getRGB(i);
            red[i] = (byte) (rgb >> 16);
            green[i] = (byte) (rgb >> 8);
            blue[i] = (byte) rgb;
        }
        return new IndexColorModel(8, 256, red, green, blue);
    }

    /** Returns whether a path names a PNG file (by extension, case-insensitive). */
    public static boolean isPng(Path file) {
        return Files.isRegularFile(file)
                && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png");
    }
}
