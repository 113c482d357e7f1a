package org.siammae.eval.davis;

/**
 * The per-object summary of a per-frame measure, as the official {@code db_statistics}
 * (davis2017-evaluation, {@code davis2017/utils.py}) computes it.
 *
 * @param mean the mean over frames, ignoring NaN values
 * @param recall the fraction of frames scoring strictly above 0.5 (a NaN frame counts as a failure)
 * @param decay the mean of the first quarter of the frames minus the mean of the last quarter
 */
public record DavisStatistics(double mean, double recall, double decay) {

    /** The number of bins that Decay compares the first and last of. */
    private static final int BINS = 4;

    /**
     * Summarises per-frame values.
     *
     * <p>Decay splits the frames into four overlapping bins: with {@code N} frames the bin edges are
     * {@code ids[i] = round(1 + i (N - 1) / 4) - 1} for {@code i = 0..4}, rounding halves up, and bin
     * {@code i} holds frames {@code ids[i]} to {@code ids[i + 1]} inclusive. The official code stores
     * the edges in 8 bits, which wraps past 255 frames; here they are plain integers.
     *
     * @param values one value per scored frame; NaN marks a frame without a value
     * @return the statistics; all NaN when there are no frames
     */
    public static DavisStatistics of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new DavisStatistics(Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = nanMean(values, 0, n);
        int above = 0;
        for (double value : values) {
            if (value > 0.5) {
                above++;
            }
        }
        double recall = (double) above / n;

        int[] edges = new int[BINS + 1];
        for (int i = 0; i <= BINS; i++) {
            double position = 1.0 + i * (n - 1) / (double) BINS;
            edges[i] = (int) Math.rint(position + 1e-10) - 1;
        }
        double first = nanMean(values, edges[0], edges[1] + 1);
        double last = nanMean(values, edges[BINS - 1], edges[BINS] + 1);
        return new DavisStatistics(mean, recall, first - last);
    }

    /** Returns the mean of {@code values[from, to)} ignoring NaN, or NaN if none is a number. */
    static double nanMean(double[] values, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < Math.min(to, values.length); i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
