package org.siammae.eval.jhmdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Percentage of correct keypoints over any number of clips, as CRW's and UVC's {@code eval_pck.py}
 * computes it.
 *
 * <ul>
 *   <li>The first frame of each clip (whose joints are given) is skipped.
 *   <li>A joint predicted at a negative x is invisible: it is skipped and left out of the box.
 *   <li>A frame's normaliser is 0.6 times the diagonal of the bounding box of its visible
 *       ground-truth joints.
 *   <li>A joint is correct when its error divided by the normaliser is at most the threshold.
 *   <li>PCK is the mean over joints of each joint's fraction of correct frames, pooled over all
 *       clips.
 * </ul>
 */
public final class PckAccumulator {

    private final List<List<Double>> normalizedErrors = new ArrayList<>();

    /**
     * Creates an accumulator.
     *
     * @param joints the number of joints
     */
    public PckAccumulator(int joints) {
        for (int j = 0; j < joints; j++) {
            normalizedErrors.add(new ArrayList<>());
        }
    }

    /**
     * Adds one clip.
     *
     * @param truth ground truth, [frame][joint]{x, y}
     * @param predicted predictions, [frame][joint]{x, y}, same frame count
     */
    public void add(double[][][] truth, double[][][] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(
                    "clip has " + truth.length + " annotated frames but " + predicted.length + " predictions");
        }
        int joints = normalizedErrors.size();
        for (int t = 1; t < truth.length; t++) {
            double minX = 1e6;
            double minY = 1e6;
            double maxX = -1;
            double maxY = -1;
            for (int j = 0; j < joints; j++) {
                if (predicted[t][j][0] < 0) {
                    continue;
                }
                minX = Math.min(minX, truth[t][j][0]);
                minY = Math.min(minY, truth[t][j][1]);
                maxX = Math.max(maxX, truth[t][j][0]);
                maxY = Math.max(maxY, truth[t][j][1]);
            }
            double normalizer = 0.6 * Math.hypot(maxX - minX, maxY - minY);
            for (int j = 0; j < joints; j++) {
                if (predicted[t][j][0] < 0) {
                    continue;
                }
                double error =
                        Math.hypot(
                                predicted[t][j][0] - truth[t][j][0], predicted[t][j][1] - truth[t][j][1]);
                normalizedErrors.get(j).add(error / normalizer);
            }
        }
    }

    /**
     * Returns each joint's fraction of correct predictions.
     *
     * @param threshold the largest normalised error that counts as correct
     */
    public double[] perJoint(double threshold) {
        double[] out = new double[normalizedErrors.size()];
        for (int j = 0; j < out.length; j++) {
            List<Double> errors = normalizedErrors.get(j);
            long correct = errors.stream().filter(e -> e <= threshold).count();
            out[j] = errors.isEmpty() ? Double.NaN : (double) correct / errors.size();
        }
        return out;
    }

    /**
     * Returns PCK at a threshold as a fraction in [0, 1] (the official script prints percent).
     *
     * @param threshold for example 0.1 or 0.2
     */
    public double pck(double threshold) {
        double[] joints = perJoint(threshold);
        double sum = 0;
        for (double value : joints) {
            sum += value;
        }
        return sum / joints.length;
    }
}
