package org.siammae.eval.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * An RGB video frame as planar float data in [0, 1]: all red values, then green, then blue, each
 * row-major.
 *
 * @param pixels {@code 3 * height * width} values
 * @param width frame width
 * @param height frame height
 */
public record RgbFrame(float[] pixels, int width, int height) {

    public RgbFrame {
        if (pixels.length != 3 * width * height) {
            throw new IllegalArgumentException(
                    "an RGB frame of "
                            + width
                            + " x "
                            + height
                            + " needs "
                            + 3 * width * height
                            + " values, got "
                            + pixels.length);
        }
    }

    /**
     * Reads a JPEG or PNG frame.
     *
     * @param file the image file
     * @throws IOException if the file cannot be decoded
     */
    public static RgbFrame read(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new IOException("failed to read frame " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException("not a readable image file: " + file);
        }
        return fromImage(image);
    }

    /**
     * Converts an image to planar RGB in [0, 1].
     *
     * @param image any image; grayscale and indexed images are converted through sRGB
     */
    public static RgbFrame fromImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        float[] pixels = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int rgb = argb[i];
            pixels[i] = ((rgb >> 16) & 0xFF) / 255f;
            pixels[plane + i] = ((rgb >> 8) & 0xFF) / 255f;
            pixels[2 * plane + i] = (rgb & 0xFF) / 255f;
        }
        return new RgbFrame(pixels, width, height);
    }

    /**
     * Resizes with bilinear interpolation at pixel centres and without antialiasing, as PyTorch's
     * {@code interpolate(mode="bilinear", align_corners=False)} and OpenCV's {@code INTER_LINEAR}.
     *
     * @param newWidth output width
     * @param newHeight output height
     */
    public RgbFrame resize(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        float[] out = new float[3 * newWidth * newHeight];
        for (int channel = 0; channel < 3; channel++) {
            Bilinear.resizePlane(
                    pixels,
                    channel * width * height,
                    width,
                    height,
                    out,
                    channel * newWidth * newHeight,
                    newWidth,
                    newHeight);
        }
        return new RgbFrame(out, newWidth, newHeight);
    }

    /** Returns the frame as a packed RGB image, for overlays. */
    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = width * height;
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r = Math.round(Math.min(1f, Math.max(0f, pixels[i])) * 255f);
            int g = Math.round(Math.min(1f, Math.max(0f, pixels[plane + i])) * 255f);
            int b = Math.round(Math.min(1f, Math.max(0f, pixels[2 * plane + i])) * 255f);
            rgb[i] = (r << 16) | (g << 8) | b;
        }
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }
}
