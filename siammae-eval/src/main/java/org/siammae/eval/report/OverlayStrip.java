package org.siammae.eval.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.siammae.eval.io.LabelMap;
import org.siammae.eval.io.LabelPngs;
import org.siammae.eval.io.RgbFrame;

/**
 * A PNG strip for looking at results, with one column per chosen frame. The top row blends the
 * predicted labels over the frame and the bottom row the ground truth; a bottom tile stays black
 * where a frame has no annotation.
 */
public final class OverlayStrip {

    private static final float ALPHA = 0.5f;

    private OverlayStrip() {}

    /**
     * Returns evenly spaced frame indices including the first and the last.
     *
     * @param frames the number of frames
     * @param count how many to choose
     */
    public static int[] chooseFrames(int frames, int count) {
        int n = Math.max(1, Math.min(frames, count));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = n == 1 ? 0 : (int) Math.round(i * (frames - 1) / (double) (n - 1));
        }
        return out;
    }

    /**
     * Writes a strip.
     *
     * @param file the PNG file
     * @param frames the chosen frames at any size
     * @param predicted the predicted labels of each chosen frame
     * @param truth the ground truth of each chosen frame; entries may be null
     * @param palette label colours
     * @param tileWidth the width of one column in pixels
     * @throws IOException if writing fails
     */
    public static void write(
            Path file,
            List<RgbFrame> frames,
            List<LabelMap> predicted,
            List<LabelMap> truth,
            IndexColorModel palette,
            int tileWidth)
            throws IOException {
        RgbFrame sample = frames.get(0);
        int tileHeight = Math.max(1, Math.round(tileWidth * sample.height() / (float) sample.width()));
        BufferedImage strip =
                new BufferedImage(tileWidth * frames.size(), 2 * tileHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = strip.createGraphics();
        graphics.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (int i = 0; i < frames.size(); i++) {
            RgbFrame frame = frames.get(i);
            graphics.drawImage(
                    blend(frame, predicted.get(i), palette), i * tileWidth, 0, tileWidth, tileHeight, null);
            if (truth.get(i) != null) {
                graphics.drawImage(
                        blend(frame, truth.get(i), palette),
                        i * tileWidth,
                        tileHeight,
                        tileWidth,
                        tileHeight,
                        null);
            }
        }
        graphics.dispose();
        LabelPngs.writeRgb(file, strip);
    }

    /**
     * Blends label colours over a frame; label 0 leaves the frame as it is.
     *
     * @param frame the frame
     * @param labels labels of any size; resized to the frame with nearest sampling
     * @param palette label colours
     */
    public static BufferedImage blend(RgbFrame frame, LabelMap labels, IndexColorModel palette) {
        BufferedImage image = frame.toImage();
        LabelMap sized = labels.resizeNearest(frame.width(), frame.height());
        int[] rgb = image.getRGB(0, 0, frame.width(), frame.height(), null, 0, frame.width());
        for (int i = 0; i < rgb.length; i++) {
            int label = sized.at(i);
            if (label == 0) {
                continue;
            }
            int colour = palette.getRGB(label);
            int r = mix((rgb[i] >> 16) & 0xFF, (colour >> 16) & 0xFF);
            int g = mix((rgb[i] >> 8) & 0xFF, (colour >> 8) & 0xFF);
            int b = mix(rgb[i] & 0xFF, colour & 0xFF);
            rgb[i] = (r << 16) | (g << 8) | b;
        }
        image.setRGB(0, 0, frame.width(), frame.height(), rgb, 0, frame.width());
        return image;
    }

    private static int mix(int base, int colour) {
        return Math.round(base * (1 - ALPHA) + colour * ALPHA);
    }
}
