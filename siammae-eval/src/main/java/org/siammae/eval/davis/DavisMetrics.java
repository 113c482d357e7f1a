package org.siammae.eval.davis;

/**
 * The per-frame DAVIS measures of one object: region similarity J (intersection over union) and
 * contour accuracy F (boundary F-measure), with the behaviour of the official evaluator
 * (davisvideochallenge/davis2017-evaluation, {@code davis2017/metrics.py}: {@code db_eval_iou},
 * {@code f_measure} and {@code _seg2bmap}).
 *
 * <p>Masks are row-major {@code boolean} arrays of one frame. Void pixels are not excluded: the
 * official semi-supervised evaluation passes no void mask.
 */
public final class DavisMetrics {

    /** The official boundary tolerance: a fraction of the image diagonal. */
    public static final double DEFAULT_BOUND_THRESHOLD = 0.008;

    private DavisMetrics() {}

    /**
     * Returns the intersection over union of two masks, or 1 when both are empty.
     *
     * @param groundTruth the annotated mask
     * @param prediction the predicted mask
     */
    public static double jaccard(boolean[] groundTruth, boolean[] prediction) {
        checkSameSize(groundTruth, prediction);
        long intersection = 0;
        long union = 0;
        for (int i = 0; i < groundTruth.length; i++) {
            if (groundTruth[i] && prediction[i]) {
                intersection++;
            }
            if (groundTruth[i] || prediction[i]) {
                union++;
            }
        }
        return union == 0 ? 1.0 : (double) intersection / union;
    }

    /**
     * Returns the boundary tolerance in pixels: {@code boundThreshold} itself when it is at least
     * 1, otherwise {@code ceil(boundThreshold * sqrt(width^2 + height^2))} (8 at 854 x 480, 9 at 910
     * x 480, 10 at 1152 x 480 for the default 0.008).
     *
     * @param width image width
     * @param height image height
     * @param boundThreshold a fraction of the diagonal below 1, or pixels
     */
    public static int tolerance(int width, int height, double boundThreshold) {
        if (boundThreshold >= 1) {
            return (int) boundThreshold;
        }
        double diagonal = Math.sqrt((double) width * width + (double) height * height);
        return (int) Math.ceil(boundThreshold * diagonal);
    }

    /**
     * Returns the boundary F-measure of a predicted mask against the annotation with the official
     * tolerance of 0.8 % of the diagonal.
     *
     * @param prediction the predicted mask
     * @param groundTruth the annotated mask
     * @param width image width
     * @param height image height
     */
    public static double boundaryF(
            boolean[] prediction, boolean[] groundTruth, int width, int height) {
        return boundaryF(prediction, groundTruth, width, height, DEFAULT_BOUND_THRESHOLD);
    }

    /**
     * Returns the boundary F-measure: boundary pixels of each mask count as matched when a boundary
     * pixel of the other mask lies within a disk of the tolerance radius. When neither mask has a
     * boundary pixel F is 1; when only one has, F is 0. A mask that fills the whole frame has no
     * boundary pixel.
     *
     * @param prediction the predicted mask
     * @param groundTruth the annotated mask
     * @param width image width
     * @param height image height
     * @param boundThreshold tolerance as a fraction of the diagonal (below 1) or in pixels
     */
    public static double boundaryF(
            boolean[] prediction,
            boolean[] groundTruth,
            int width,
            int height,
            double boundThreshold) {
        checkSameSize(groundTruth, prediction);
        int radius = tolerance(width, height, boundThreshold);
        boolean[] predictedBoundary = boundaryMap(prediction, width, height);
        boolean[] trueBoundary = boundaryMap(groundTruth, width, height);
        long predictedCount = count(predictedBoundary);
        long trueCount = count(trueBoundary);

        double precision;
        double recall;
        if (predictedCount == 0 && trueCount > 0) {
            precision = 1;
            recall = 0;
        } else if (predictedCount > 0 && trueCount == 0) {
            precision = 0;
            recall = 1;
        } else if (predictedCount == 0) {
            precision = 1;
            recall = 1;
        } else {
            boolean[] predictedDilated = dilate(predictedBoundary, width, height, radius);
            boolean[] trueDilated = dilate(trueBoundary, width, height, radius);
            precision = (double) countBoth(predictedBoundary, trueDilated) / predictedCount;
            recall = (double) countBoth(trueBoundary, predictedDilated) / trueCount;
        }
        if (precision + recall == 0) {
            return 0;
        }
        return 2 * precision * recall / (precision + recall);
    }

    /**
     * Returns the one-pixel-wide boundary of a mask as the official {@code _seg2bmap} defines it: a
     * pixel is a boundary pixel when it differs from its right, bottom or bottom-right neighbour,
     * where neighbours outside the image count as background. In the last row only the right
     * neighbour is compared, in the last column only the bottom one, and the bottom-right pixel is
     * never a boundary pixel.
     *
     * @param mask the mask, row-major
     * @param width image width
     * @param height image height
     */
    public static boolean[] boundaryMap(boolean[] mask, int width, int height) {
        boolean[] boundary = new boolean[mask.length];
        for (int y = 0; y < height; y++) {
            boolean lastRow = y == height - 1;
            for (int x = 0; x < width; x++) {
                boolean lastColumn = x == width - 1;
                int index = y * width + x;
                boolean here = mask[index];
                boolean right = !lastColumn && mask[index + 1];
                boolean below = !lastRow && mask[index + width];
                boolean belowRight = !lastRow && !lastColumn && mask[index + width + 1];
                if (lastRow && lastColumn) {
                    boundary[index] = false;
                } else if (lastRow) {
                    boundary[index] = here ^ right;
                } else if (lastColumn) {
                    boundary[index] = here ^ below;
                } else {
                    boundary[index] = (here ^ right) | (here ^ below) | (here ^ belowRight);
                }
            }
        }
        return boundary;
    }

    /**
     * Returns the half-widths of the disk structuring element of scikit-image's {@code
     * disk(radius)}: offsets (dy, dx) with {@code dy^2 + dx^2 <= radius^2}; entry {@code dy + radius}
     * holds the largest such {@code |dx|}.
     *
     * @param radius the disk radius in pixels
     */
    public static int[] diskHalfWidths(int radius) {
        int[] halfWidths = new int[2 * radius + 1];
        long limit = (long) radius * radius;
        for (int dy = -radius; dy <= radius; dy++) {
            int halfWidth = 0;
            while ((long) (halfWidth + 1) * (halfWidth + 1) + (long) dy * dy <= limit) {
                halfWidth++;
            }
            halfWidths[dy + radius] = halfWidth;
        }
        return halfWidths;
    }

    /**
     * Dilates a binary map with a disk, treating pixels outside the image as unset (OpenCV's
     * {@code dilate} with its default constant border).
     *
     * @param map the map, row-major
     * @param width image width
     * @param height image height
     * @param radius the disk radius in pixels
     */
    public static boolean[] dilate(boolean[] map, int width, int height, int radius) {
        int[] halfWidths = diskHalfWidths(radius);
        boolean[] out = new boolean[map.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!map[y * width + x]) {
                    continue;
                }
                for (int dy = -radius; dy <= radius; dy++) {
                    int row = y + dy;
                    if (row < 0 || row >= height) {
                        continue;
                    }
                    int halfWidth = halfWidths[dy + radius];
                    int from = Math.max(0, x - halfWidth);
                    int to = Math.min(width - 1, x + halfWidth);
                    java.util.Arrays.fill(out, row * width + from, row * width + to + 1, true);
                }
            }
        }
        return out;
    }

    private static long count(boolean[] map) {
        long count = 0;
        for (boolean value : map) {
            if (value) {
                count++;
            }
        }
        return count;
    }

    private static long countBoth(boolean[] a, boolean[] b) {
        long count = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i]) {
                count++;
            }
        }
        return count;
    }

    private static void checkSameSize(boolean[] groundTruth, boolean[] prediction) {
        if (groundTruth.length != prediction.length) {
            throw new IllegalArgumentException(
                    "annotation and prediction differ in size: "
                            + groundTruth.length
                            + " vs "
                            + prediction.length
                            + " pixels");
        }
    }
}
