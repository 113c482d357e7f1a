package org.siammae.eval.vip;

import org.siammae.eval.io.LabelMap;

/**
 * A class confusion matrix pooled over frames, and the mean IoU of human parsing benchmarks (VIP,
 * CIHP). Rows are true classes and columns predicted ones. Pixels whose true class is outside
 * [0, n) are ignored.
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[] counts;

    /**
     * Creates an empty matrix.
     *
     * @param classes n, the number of classes (VIP: 20)
     */
    public ConfusionMatrix(int classes) {
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    /**
     * Adds one frame.
     *
     * @param truth true classes
     * @param predicted predicted classes, same size, each below n
     * @throws IllegalArgumentException if the sizes differ or a predicted class is out of range
     */
    public void add(LabelMap truth, LabelMap predicted) {
        if (truth.width() != predicted.width() || truth.height() != predicted.height()) {
            throw new IllegalArgumentException(
                    "prediction is "
                            + predicted.width()
                            + " x "
                            + predicted.height()
                            + " but the annotation "
                            + truth.width()
                            + " x "
                            + truth.height());
        }
        for (int i = 0; i < truth.size(); i++) {
            int t = truth.at(i);
            if (t >= classes) {
                continue;
            }
            int p = predicted.at(i);
            if (p >= classes) {
                throw new IllegalArgumentException(
                        "predicted class " + p + " is outside [0, " + classes + ")");
            }
            counts[t * classes + p]++;
        }
    }

    /**
     * Returns a count.
     *
     * @param trueClass the row
     * @param predictedClass the column
     */
    public long count(int trueClass, int predictedClass) {
        return counts[trueClass * classes + predictedClass];
    }

    /** Returns IoU per class: diagonal / (row sum + column sum - diagonal); NaN when 0 / 0. */
    public double[] iou() {
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            long row = 0;
            long column = 0;
            for (int k = 0; k < classes; k++) {
                row += counts[c * classes + k];
                column += counts[k * classes + c];
            }
            long diagonal = counts[c * classes + c];
            long union = row + column - diagonal;
            out[c] = union == 0 ? Double.NaN : (double) diagonal / union;
        }
        return out;
    }

    /** Returns the mean IoU over classes that are present in the truth or the prediction. */
    public double meanIou() {
        double sum = 0;
        int count = 0;
        for (double value : iou()) {
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
