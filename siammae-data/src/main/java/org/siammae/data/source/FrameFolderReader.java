package org.siammae.data.source;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.siammae.api.data.FrameReader;
import org.siammae.api.data.FrameStack;
import org.siammae.data.augment.CropBox;
import org.siammae.data.augment.Resampler;

/** Reads frames of one clip folder of JPEG or PNG images with ImageIO, resized to a given size. */
final class FrameFolderReader implements FrameReader {

    /** Orders names with digit runs compared as numbers: {@code f2.jpg} before {@code f10.jpg}. */
    static final Comparator<String> NATURAL_ORDER = FrameFolderReader::compareNatural;

    private final Path folder;
    private final List<Path> frames;
    private final int width;
    private final int height;

    FrameFolderReader(Path folder, Set<String> extensions, int width, int height) throws IOException {
        this.folder = folder;
        this.frames = listFrames(folder, extensions);
        this.width = width;
        this.height = height;
    }

    @Override
    public FrameStack read(int[] frameIndices) throws IOException {
        List<float[]> out = new ArrayList<>(frameIndices.length);
        for (int index : frameIndices) {
            if (index < 0 || index >= frames.size()) {
                throw new IOException(
                        "frame " + index + " is outside " + folder + " (" + frames.size() + " frames)");
            }
            out.add(readFrame(frames.get(index)));
        }
        return new FrameStack(out, 3, height, width);
    }

    private float[] readFrame(Path file) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot decode frame " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IOException("cannot decode frame " + file + ": no ImageIO reader for its format");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        int plane = w * h;
        float[] rgb = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int pixel = argb[i];
            rgb[i] = ((pixel >> 16) & 0xFF) / 255f;
            rgb[plane + i] = ((pixel >> 8) & 0xFF) / 255f;
            rgb[2 * plane + i] = (pixel & 0xFF) / 255f;
        }
        if (w == width && h == height) {
            return rgb;
        }
        return Resampler.plan(h, w, CropBox.whole(h, w), height, width, true).apply(rgb, 3);
    }

    @Override
    public void close() {}

    /**
     * Lists a folder's frame files in natural name order.
     *
     * @param folder the clip folder
     * @param extensions lower-case extensions without the dot
     */
    static List<Path> listFrames(Path folder, Set<String> extensions) throws IOException {
        List<Path> frames = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!FileWalker.hidden(entry) && FileWalker.matches(entry, extensions)) {
                    frames.add(entry);
                }
            }
        }
        frames.sort(Comparator.comparing(path -> path.getFileName().toString(), NATURAL_ORDER));
        return frames;
    }

    /**
     * Returns an image's size from its header, without decoding the pixels.
     *
     * @return {@code {width, height}}
     * @throws IOException if no ImageIO reader recognises the file
     */
    static int[] imageSize(Path file) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            if (input == null) {
                throw new IOException("cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new IOException("no ImageIO reader recognises " + file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = i;
                while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
                    endA++;
                }
                int endB = j;
                while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
                    endB++;
                }
                String digitsA = a.substring(i, endA).replaceFirst("^0+(?=.)", "");
                String digitsB = b.substring(j, endB).replaceFirst("^0+(?=.)", "");
                int order =
                        digitsA.length() != digitsB.length()
                                ? Integer.compare(digitsA.length(), digitsB.length())
                                : digitsA.compareTo(digitsB);
                if (order != 0) {
                    return order;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int order = Integer.compare(a.length() - i, b.length() - j);
        return order != 0 ? order : a.compareTo(b); // "f01" and "f1" still get a fixed order
    }
}
