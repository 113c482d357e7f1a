package org.siammae.eval.propagation;

import org.siammae.eval.io.Bilinear;
import org.siammae.eval.io.LabelMap;

/**
 * Soft labels on the feature grid: C values per cell, cell-major ({@code (y * w + x) * C + c}).
 * Channel {@code c} stands for the label value {@code channelLabels[c]}.
 */
public final class GridLabels {

    private final int height;
    private final int width;
    private final int channels;
    private final float[] values;

    /**
     * Wraps soft labels.
     *
     * @param height grid rows, h
     * @param width grid columns, w
     * @param channels labels per cell, C
     * @param values {@code h * w * C} values, cell-major; owned by the new object
     */
    public GridLabels(int height, int width, int channels, float[] values) {
        if (values.length != height * width * channels) {
            throw new IllegalArgumentException(
                    "grid labels of "
                            + height
                            + " x "
                            + width
                            + " x "
                            + channels
                            + " need "
                            + height * width * channels
                            + " values, got "
                            + values.length);
        }
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.values = values;
    }

    /** Returns the grid rows, h. */
    public int height() {
        return height;
    }

    /** Returns the grid columns, w. */
    public int width() {
        return width;
    }

    /** Returns the labels per cell, C. */
    public int channels() {
        return channels;
    }

    /** Returns the backing values, cell-major; callers must not change them. */
    public float[] values() {
        return values;
    }

    /**
     * Returns one value.
     *
     * @param cell {@code y * w + x}
     * @param channel the channel
     */
    public float get(int cell, int channel) {
        return values[cell * channels + channel];
    }

    /**
     * Brings a label map to the grid as soft one-hot labels.
     *
     * @param labels the label map at any size
     * @param channelLabels the label value of each channel; pixels with other values get no channel
     * @param frameWidth evaluation width, a multiple of {@code stride}
     * @param frameHeight evaluation height, a multiple of {@code stride}
     * @param stride pixels per cell
     * @param method how to downsample
     */
    public static GridLabels fromLabelMap(
            LabelMap labels,
            int[] channelLabels,
            int frameWidth,
            int frameHeight,
            int stride,
            LabelDownsampling method) {
        int gridWidth = frameWidth / stride;
        int gridHeight = frameHeight / stride;
        int channels = channelLabels.length;
        int[] channelOf = channelLookup(channelLabels);
        float[] out = new float[gridWidth * gridHeight * channels];
        switch (method) {
            case NEAREST -> {
                LabelMap small = labels.resizeNearest(gridWidth, gridHeight);
                for (int cell = 0; cell < small.size(); cell++) {
                    int channel = channelOf[small.at(cell)];
                    if (channel >= 0) {
                        out[cell * channels + channel] = 1f;
                    }
                }
            }
            case AREA -> {
                LabelMap frame = labels.resizeNearest(frameWidth, frameHeight);
                float share = 1f / (stride * stride);
                for (int y = 0; y < frameHeight; y++) {
                    for (int x = 0; x < frameWidth; x++) {
                        int channel = channelOf[frame.get(x, y)];
                        if (channel >= 0) {
                            int cell = (y / stride) * gridWidth + x / stride;
                            out[cell * channels + channel] += share;
                        }
                    }
                }
            }
            case BILINEAR -> {
                LabelMap frame = labels.resizeNearest(frameWidth, frameHeight);
                float[] plane = new float[frameWidth * frameHeight];
                float[] small = new float[gridWidth * gridHeight];
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < plane.length; i++) {
                        plane[i] = frame.at(i) == channelLabels[c] ? 1f : 0f;
                    }
                    Bilinear.resizePlane(
                            plane, 0, frameWidth, frameHeight, small, 0, gridWidth, gridHeight);
                    for (int cell = 0; cell < small.length; cell++) {
                        out[cell * channels + c] = small[cell];
                    }
                }
            }
            default -> throw new IllegalStateException("unknown downsampling " + method);
        }
        return new GridLabels(gridHeight, gridWidth, channels, out);
    }

    /**
     * Turns soft labels into a label map. Each channel is upsampled to the evaluation resolution and
     * optionally rescaled to [0, 1]. The arg-max channel, the first on ties, gives the label, and
     * the result is resized with nearest-neighbour sampling to the output size.
     *
     * @param channelLabels the label value of each channel
     * @param frameWidth evaluation width
     * @param frameHeight evaluation height
     * @param outputWidth output width (the annotation width)
     * @param outputHeight output height
     * @param upsampling how to upsample
     * @param normalizeChannels whether to rescale each channel to [0, 1] first
     */
    public LabelMap toLabelMap(
            int[] channelLabels,
            int frameWidth,
            int frameHeight,
            int outputWidth,
            int outputHeight,
            LabelUpsampling upsampling,
            boolean normalizeChannels) {
        float[][] planes = new float[channels][];
        float[] plane = new float[width * height];
        for (int c = 0; c < channels; c++) {
            for (int cell = 0; cell < plane.length; cell++) {
                plane[cell] = values[cell * channels + c];
            }
            planes[c] = upsample(plane, frameWidth, frameHeight, upsampling);
            if (normalizeChannels) {
                rescale(planes[c]);
            }
        }
        byte[] labels = new byte[frameWidth * frameHeight];
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            float bestValue = planes[0][i];
            for (int c = 1; c < channels; c++) {
                if (planes[c][i] > bestValue) {
                    bestValue = planes[c][i];
                    best = c;
                }
            }
            labels[i] = (byte) channelLabels[best];
        }
        return LabelMap.wrap(frameWidth, frameHeight, labels).resizeNearest(outputWidth, outputHeight);
    }

    private float[] upsample(float[] plane, int frameWidth, int frameHeight, LabelUpsampling mode) {
        float[] out = new float[frameWidth * frameHeight];
        if (mode == LabelUpsampling.BILINEAR) {
            Bilinear.resizePlane(plane, 0, width, height, out, 0, frameWidth, frameHeight);
            return out;
        }
        int[] columns = LabelMap.nearestSources(width, frameWidth);
        int[] rows = LabelMap.nearestSources(height, frameHeight);
        for (int y = 0; y < frameHeight; y++) {
            for (int x = 0; x < frameWidth; x++) {
                out[y * frameWidth + x] = plane[rows[y] * width + columns[x]];
            }
        }
        return out;
    }

    /** DINO's {@code norm_mask}: a channel with a positive maximum becomes (v - min) / (max - min). */
    private static void rescale(float[] plane) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float value : plane) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        if (max <= 0) {
            return;
        }
        float range = max - min;
        for (int i = 0; i < plane.length; i++) {
            plane[i] = range > 0 ? (plane[i] - min) / range : 0f;
        }
    }

    private static int[] channelLookup(int[] channelLabels) {
        int[] lookup = new int[256];
        java.util.Arrays.fill(lookup, -1);
        for (int c = 0; c < channelLabels.length; c++) {
            lookup[channelLabels[c]] = c;
        }
        return lookup;
    }
}
