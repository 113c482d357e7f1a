package org.siammae.eval.io;

/**
 * Bilinear resampling of float planes with centre-aligned pixels ({@code align_corners=False}) and
 * no antialiasing: output pixel {@code x} samples the input at {@code (x + 0.5) * in / out - 0.5},
 * clamped at 0 below, as PyTorch computes source indices.
 */
public final class Bilinear {

    private Bilinear() {}

    /** Source positions of one axis: lower index, upper index and the weight of the upper one. */
    public record Taps(int[] lower, int[] upper, float[] upperWeight) {}

    /**
     * Computes the interpolation taps of one axis.
     *
     * @param inputSize input length
     * @param outputSize output length
     */
    public static Taps taps(int inputSize, int outputSize) {
        int[] lower = new int[outputSize];
        int[] upper = new int[outputSize];
        float[] weight = new float[outputSize];
        double scale = (double) inputSize / outputSize;
        for (int i = 0; i < outputSize; i++) {
            double source = Math.max(0.0, (i + 0.5) * scale - 0.5);
            int low = Math.min((int) source, inputSize - 1);
            lower[i] = low;
            upper[i] = low < inputSize - 1 ? low + 1 : low;
            weight[i] = (float) (source - low);
        }
        return new Taps(lower, upper, weight);
    }

    /**
     * Resizes one row-major plane.
     *
     * @param in input values
     * @param inOffset index of the plane's first value in {@code in}
     * @param inWidth input width
     * @param inHeight input height
     * @param out output values
     * @param outOffset index of the plane's first value in {@code out}
     * @param outWidth output width
     * @param outHeight output height
     */
    public static void resizePlane(
            float[] in,
            int inOffset,
            int inWidth,
            int inHeight,
            float[] out,
            int outOffset,
            int outWidth,
            int outHeight) {
        Taps columns = taps(inWidth, outWidth);
        Taps rows = taps(inHeight, outHeight);
        for (int y = 0; y < outHeight; y++) {
            int top = inOffset + rows.lower()[y] * inWidth;
            int bottom = inOffset + rows.upper()[y] * inWidth;
            float wy = rows.upperWeight()[y];
            for (int x = 0; x < outWidth; x++) {
                int left = columns.lower()[x];
                int right = columns.upper()[x];
                float wx = columns.upperWeight()[x];
                float upperRow = in[top + left] * (1 - wx) + in[top + right] * wx;
                float lowerRow = in[bottom + left] * (1 - wx) + in[bottom + right] * wx;
                out[outOffset + y * outWidth + x] = upperRow * (1 - wy) + lowerRow * wy;
            }
        }
    }
}
