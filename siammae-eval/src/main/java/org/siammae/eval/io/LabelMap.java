package org.siammae.eval.io;

import java.util.Arrays;

/**
 * A label image: one unsigned 8-bit value per pixel (object id, class id or a 0/1 mask), row-major.
 *
 * <p>Instances are immutable; {@link #values()} returns a copy.
 */
public final class LabelMap {

    private final int width;
    private final int height;
    private final byte[] values;

    private LabelMap(int width, int height, byte[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    /**
     * Creates a label map that owns {@code values} (the caller must not change them afterwards).
     *
     * @param width image width in pixels
     * @param height image height in pixels
     * @param values {@code width * height} labels, row-major, read as unsigned
     */
    public static LabelMap wrap(int width, int height, byte[] values) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "label map size must be positive, got " + width + " x " + height);
        }
        if (values.length != width * height) {
            throw new IllegalArgumentException(
                    "label map of "
                            + width
                            + " x "
                            + height
                            + " needs "
                            + width * height
                            + " values, got "
                            + values.length);
        }
        return new LabelMap(width, height, values);
    }

    /**
     * Creates a label map from int labels in [0, 255].
     *
     * @param width image width
     * @param height image height
     * @param labels {@code width * height} labels, row-major
     */
    public static LabelMap of(int width, int height, int... labels) {
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 255) {
                throw new IllegalArgumentException(
                        "label " + labels[i] + " at index " + i + " is outside [0, 255]");
            }
            bytes[i] = (byte) labels[i];
        }
        return wrap(width, height, bytes);
    }

    /**
     * Creates an all-zero label map.
     *
     * @param width image width
     * @param height image height
     */
    public static LabelMap zeros(int width, int height) {
        return wrap(width, height, new byte[width * height]);
    }

    /** Returns the width in pixels. */
    public int width() {
        return width;
    }

    /** Returns the height in pixels. */
    public int height() {
        return height;
    }

    /** Returns the number of pixels. */
    public int size() {
        return values.length;
    }

    /**
     * Returns the label of a pixel.
     *
     * @param x column
     * @param y row
     */
    public int get(int x, int y) {
        return values[y * width + x] & 0xFF;
    }

    /**
     * Returns the label at a row-major index.
     *
     * @param index {@code y * width + x}
     */
    public int at(int index) {
        return values[index] & 0xFF;
    }

    /** Returns a copy of the labels, row-major. */
    public byte[] values() {
        return values.clone();
    }

    /** Returns the largest label. */
    public int max() {
        int max = 0;
        for (byte value : values) {
            max = Math.max(max, value & 0xFF);
        }
        return max;
    }

    /**
     * Returns the pixels that carry one label.
     *
     * @param label the label
     * @return one flag per pixel, row-major
     */
    public boolean[] mask(int label) {
        boolean[] mask = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            mask[i] = (values[i] & 0xFF) == label;
        }
        return mask;
    }

    /**
     * Returns a copy where every label in {@code from} becomes {@code to}.
     *
     * @param from the label to replace
     * @param to the new label
     */
    public LabelMap replace(int from, int to) {
        byte[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if ((out[i] & 0xFF) == from) {
                out[i] = (byte) to;
            }
        }
        return new LabelMap(width, height, out);
    }

    /** Returns a 0/1 map: 1 wherever the label is not 0. */
    public LabelMap binarize() {
        byte[] out = new byte[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] == 0 ? (byte) 0 : (byte) 1;
        }
        return new LabelMap(width, height, out);
    }

    /**
     * Resizes with nearest-neighbour sampling at pixel centres: output pixel {@code x} reads input
     * pixel {@code floor((x + 0.5) * width / newWidth)}, as PIL's {@code NEAREST} filter does. Labels
     * are never blended.
     *
     * @param newWidth output width
     * @param newHeight output height
     */
    public LabelMap resizeNearest(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        int[] sourceColumns = nearestSources(width, newWidth);
        int[] sourceRows = nearestSources(height, newHeight);
        byte[] out = new byte[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int rowOffset = sourceRows[y] * width;
            for (int x = 0; x < newWidth; x++) {
                out[y * newWidth + x] = values[rowOffset + sourceColumns[x]];
            }
        }
        return new LabelMap(newWidth, newHeight, out);
    }

    /**
     * Returns the input index that output index {@code i} reads under centre-aligned nearest
     * sampling, for every output index.
     *
     * @param inputSize input length
     * @param outputSize output length
     */
    public static int[] nearestSources(int inputSize, int outputSize) {
        int[] sources = new int[outputSize];
        double scale = (double) inputSize / outputSize;
        for (int i = 0; i < outputSize; i++) {
            sources[i] = Math.min(inputSize - 1, (int) Math.floor((i + 0.5) * scale));
        }
        return sources;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelMap map
                && map.width == width
                && map.height == height
                && Arrays.equals(map.values, values);
    }

    @Override
    public int hashCode() {
        return (width * 31 + height) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "LabelMap[" + width + " x " + height + ", max label " + max() + "]";
    }
}
