package org.siammae.data.augment;

/**
 * Resizes a region of planar {@code (C, H, W)} float images with a triangle (bilinear) filter.
 *
 * <p>Pixel centres sit at half-integers, as in PyTorch's {@code align_corners=False}. When a side
 * grows, this is plain bilinear interpolation with the border pixel repeated. When a side shrinks
 * and {@code antialias} is on, the filter widens by the shrink factor so that every source pixel
 * contributes, as PIL's {@code BILINEAR} resize does; without it, shrinking by more than 2 skips
 * pixels and aliases. Only pixels inside the crop box are read, so the result equals cropping, then
 * resizing.
 *
 * <p>A plan contains the weights of one box and output size. Build it once per sample and apply it
 * to every frame.
 */
public final class Resampler {

    private final Axis rows;
    private final Axis columns;
    private final int inHeight;
    private final int inWidth;

    private Resampler(Axis rows, Axis columns, int inHeight, int inWidth) {
        this.rows = rows;
        this.columns = columns;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
    }

    /**
     * Plans the resize of one box of {@code inHeight x inWidth} images.
     *
     * @param inHeight source rows
     * @param inWidth source columns
     * @param box the region to read, inside the image
     * @param outHeight output rows
     * @param outWidth output columns
     * @param antialias whether shrinking widens the filter
     */
    public static Resampler plan(
            int inHeight, int inWidth, CropBox box, int outHeight, int outWidth, boolean antialias) {
        if (box.top() + box.height() > inHeight || box.left() + box.width() > inWidth) {
            throw new IllegalArgumentException(
                    "crop box " + box + " exceeds the " + inHeight + " x " + inWidth + " image");
        }
        if (outHeight < 1 || outWidth < 1) {
            throw new IllegalArgumentException(
                    "output size must be positive, got " + outHeight + " x " + outWidth);
        }
        return new Resampler(
                Axis.of(box.top(), box.height(), outHeight, antialias),
                Axis.of(box.left(), box.width(), outWidth, antialias),
                inHeight,
                inWidth);
    }

    /** Returns the output rows. */
    public int outHeight() {
        return rows.outLength;
    }

    /** Returns the output columns. */
    public int outWidth() {
        return columns.outLength;
    }

    /**
     * Resizes one image.
     *
     * @param image planar {@code (C, inHeight, inWidth)} values
     * @param channels C
     * @return a new planar {@code (C, outHeight, outWidth)} array
     */
    public float[] apply(float[] image, int channels) {
        if (image.length != channels * inHeight * inWidth) {
            throw new IllegalArgumentException(
                    "image has " + image.length + " values, expected " + channels + " x " + inHeight
                            + " x " + inWidth);
        }
        int outH = rows.outLength;
        int outW = columns.outLength;
        int firstRow = rows.first();
        int usedRows = rows.last() - firstRow + 1;

        // Horizontal pass over the rows the vertical pass reads: (C, usedRows, outW).
        float[] horizontal = new float[channels * usedRows * outW];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < usedRows; y++) {
                int src = (c * inHeight + firstRow + y) * inWidth;
                int dst = (c * usedRows + y) * outW;
                for (int x = 0; x < outW; x++) {
                    horizontal[dst + x] = columns.sample(image, src, x, 1);
                }
            }
        }

        // Vertical pass: (C, outH, outW).
        float[] out = new float[channels * outH * outW];
        for (int c = 0; c < channels; c++) {
            int plane = c * usedRows * outW - firstRow * outW;
            for (int y = 0; y < outH; y++) {
                int dst = (c * outH + y) * outW;
                for (int x = 0; x < outW; x++) {
                    out[dst + x] = rows.sample(horizontal, plane + x, y, outW);
                }
            }
        }
        return out;
    }

    /** Filter taps of one axis: for each output position, a run of source indices and weights. */
    private static final class Axis {
        final int outLength;
        final int[] start;
        final int[] count;
        final float[] weights;
        final int taps;

        private Axis(int outLength, int[] start, int[] count, float[] weights, int taps) {
            this.outLength = outLength;
            this.start = start;
            this.count = count;
            this.weights = weights;
            this.taps = taps;
        }

        static Axis of(int offset, int inLength, int outLength, boolean antialias) {
            double scale = (double) inLength / outLength;
            double support = antialias && scale > 1 ? scale : 1.0;
            int taps = (int) Math.ceil(support) * 2 + 1;
            int[] start = new int[outLength];
            int[] count = new int[outLength];
            float[] weights = new float[outLength * taps];
            for (int o = 0; o < outLength; o++) {
                double centre = (o + 0.5) * scale;
                // Source pixels whose centre lies within the support: at most 2 * ceil(support),
                // and at least the pixel under the centre, which lies inside (0, inLength).
                int low = Math.max(0, (int) Math.floor(centre - support - 0.5));
                int high = Math.min(inLength - 1, (int) Math.ceil(centre + support - 0.5));
                double total = 0;
                int first = -1;
                int n = 0;
                for (int i = low; i <= high; i++) {
                    double weight = 1.0 - Math.abs(i + 0.5 - centre) / support;
                    if (weight > 0) {
                        if (first < 0) {
                            first = i;
                        }
                        weights[o * taps + n] = (float) weight;
                        total += weight;
                        n++;
                    }
                }
                for (int k = 0; k < n; k++) {
                    weights[o * taps + k] /= (float) total;
                }
                start[o] = offset + first;
                count[o] = n;
            }
            return new Axis(outLength, start, count, weights, taps);
        }

        int first() {
            return start[0];
        }

        int last() {
            return start[outLength - 1] + count[outLength - 1] - 1;
        }

        /** Returns the filtered value at output position {@code o} of a line in {@code data}. */
        float sample(float[] data, int base, int o, int step) {
            float sum = 0f;
            int index = base + start[o] * step;
            int w = o * taps;
            for (int k = 0; k < count[o]; k++) {
                sum += weights[w + k] * data[index];
                index += step;
            }
            return sum;
        }
    }
}
