package org.siammae.eval.davis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Checks J and F on masks small enough to score by hand. Each expected value is worked out in the
 * comment beside it from the rules of davis2017-evaluation's {@code db_eval_iou}, {@code f_measure}
 * and {@code _seg2bmap}; the same values were also produced by a transcription of those functions
 * run with NumPy 1.24, OpenCV 4.6 and scikit-image 0.19.
 */
class DavisMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void bothEmptyScoreOne() {
        boolean[] empty = new boolean[25];

        // Union 0 gives J = 1; no boundary on either side gives P = R = 1.
        assertThat(DavisMetrics.jaccard(empty, empty)).isEqualTo(1.0);
        assertThat(DavisMetrics.boundaryF(empty, empty, 5, 5)).isEqualTo(1.0);
    }

    @Test
    void emptyPredictionOfObjectScoresZero() {
        boolean[] truth = square(5, 5, 1, 3, 1, 3);
        boolean[] empty = new boolean[25];

        // Intersection 0, union 9: J = 0. Only the annotation has boundary pixels: P = 1, R = 0.
        assertThat(DavisMetrics.jaccard(truth, empty)).isEqualTo(0.0);
        assertThat(DavisMetrics.boundaryF(empty, truth, 5, 5)).isEqualTo(0.0);
        // Only the prediction has boundary pixels: P = 0, R = 1, F = 0.
        assertThat(DavisMetrics.boundaryF(truth, empty, 5, 5)).isEqualTo(0.0);
    }

    @Test
    void onePixelBoundaryHasFourPixels() {
        boolean[] pixel = square(5, 5, 2, 2, 2, 2);

        // (2,2) differs from its right neighbour, (1,2) from its right, (2,1) from the one below
        // and (1,1) from the one below-right: four boundary pixels.
        boolean[] boundary = DavisMetrics.boundaryMap(pixel, 5, 5);
        assertThat(count(boundary)).isEqualTo(4);
        assertThat(boundary[1 * 5 + 1]).isTrue();
        assertThat(boundary[1 * 5 + 2]).isTrue();
        assertThat(boundary[2 * 5 + 1]).isTrue();
        assertThat(boundary[2 * 5 + 2]).isTrue();
        assertThat(DavisMetrics.jaccard(pixel, pixel)).isEqualTo(1.0);
        assertThat(DavisMetrics.boundaryF(pixel, pixel, 5, 5)).isEqualTo(1.0);
    }

    @Test
    void shiftedSquaresMatchHandCount() {
        // 10 x 10 image, tolerance ceil(0.008 * 14.14) = 1 pixel, so the disk is a plus shape.
        boolean[] truth = square(10, 10, 2, 5, 2, 5);
        boolean[] prediction = square(10, 10, 4, 7, 2, 5);

        // Overlap 2 columns x 4 rows = 8; union 16 + 16 - 8 = 24; J = 1/3.
        assertThat(DavisMetrics.jaccard(truth, prediction)).isCloseTo(1.0 / 3, within(EPS));
        // Boundaries are the 16-pixel rings [1..5] x [1..5] and [3..7] x [1..5]. Of the predicted
        // ring, 4 top, 4 bottom, 2 left and 0 right pixels lie within the plus of a true ring
        // pixel: P = 10/16. By symmetry R = 10/16, so F = 0.625.
        assertThat(DavisMetrics.boundaryF(prediction, truth, 10, 10)).isCloseTo(0.625, within(EPS));
    }

    @Test
    void thinLineShiftedOnePixelKeepsF() {
        // Vertical line x = 3, rows 1..6, in 8 x 8 (tolerance 1 pixel).
        boolean[] truth = square(8, 8, 3, 3, 1, 6);
        boolean[] byOne = square(8, 8, 4, 4, 1, 6);
        boolean[] byThree = square(8, 8, 6, 6, 1, 6);

        // No overlap: J = 0. Boundaries are columns {2, 3} and {3, 4} over rows 0..6; every pixel
        // of one is within 1 pixel of the other, so F = 1.
        assertThat(DavisMetrics.jaccard(truth, byOne)).isEqualTo(0.0);
        assertThat(DavisMetrics.boundaryF(byOne, truth, 8, 8)).isEqualTo(1.0);
        // Columns {5, 6} are 2 pixels from column 3: nothing matches, P = R = 0, F = 0.
        assertThat(DavisMetrics.boundaryF(byThree, truth, 8, 8)).isEqualTo(0.0);
    }

    @Test
    void fullFrameMaskHasNoBoundary() {
        boolean[] full = new boolean[36];
        java.util.Arrays.fill(full, true);
        boolean[] empty = new boolean[36];

        // The official boundary map never marks a full mask, so full vs empty has F = 1 (both
        // boundaries empty) while J = 0.
        assertThat(count(DavisMetrics.boundaryMap(full, 6, 6))).isZero();
        assertThat(DavisMetrics.boundaryF(empty, full, 6, 6)).isEqualTo(1.0);
        assertThat(DavisMetrics.jaccard(full, empty)).isEqualTo(0.0);
    }

    @Test
    void toleranceFollowsImageDiagonal() {
        // ceil(0.008 * sqrt(w^2 + 480^2)): 7.84 -> 8, 8.23 -> 9, 9.98 -> 10.
        assertThat(DavisMetrics.tolerance(854, 480, 0.008)).isEqualTo(8);
        assertThat(DavisMetrics.tolerance(910, 480, 0.008)).isEqualTo(9);
        assertThat(DavisMetrics.tolerance(1152, 480, 0.008)).isEqualTo(10);
        // A threshold of at least 1 is a pixel count.
        assertThat(DavisMetrics.tolerance(854, 480, 3)).isEqualTo(3);
    }

    @Test
    void edgeShiftMatchesUpToTolerance() {
        int[] widths = {854, 910, 1152};
        int[] tolerances = {8, 9, 10};
        for (int i = 0; i < widths.length; i++) {
            int width = widths[i];
            // The true mask fills columns 0..399, so its boundary is column 399; a prediction
            // ending s columns later has its boundary s pixels away.
            boolean[] truth = square(width, 480, 0, 399, 0, 479);
            boolean[] atTolerance = square(width, 480, 0, 399 + tolerances[i], 0, 479);
            boolean[] beyond = square(width, 480, 0, 400 + tolerances[i], 0, 479);

            assertThat(DavisMetrics.boundaryF(atTolerance, truth, width, 480))
                    .as("width %d, shift %d", width, tolerances[i])
                    .isEqualTo(1.0);
            assertThat(DavisMetrics.boundaryF(beyond, truth, width, 480))
                    .as("width %d, shift %d", width, tolerances[i] + 1)
                    .isEqualTo(0.0);
        }
    }

    @Test
    void diskMatchesSkimageShape() {
        // disk(2): rows dy = -2..2 have |dx| <= 0, 1, 2, 1, 0 (dy^2 + dx^2 <= 4).
        assertThat(DavisMetrics.diskHalfWidths(2)).containsExactly(0, 1, 2, 1, 0);
        // disk(3): 9 - dy^2 >= dx^2 gives 0, 2, 2, 3, 2, 2, 0.
        assertThat(DavisMetrics.diskHalfWidths(3)).containsExactly(0, 2, 2, 3, 2, 2, 0);
    }

    /** Returns a mask with the rectangle [x0, x1] x [y0, y1] set, bounds inclusive. */
    static boolean[] square(int width, int height, int x0, int x1, int y0, int y1) {
        boolean[] mask = new boolean[width * height];
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                mask[y * width + x] = true;
            }
        }
        return mask;
    }

    private static int count(boolean[] map) {
        int count = 0;
        for (boolean value : map) {
            count += value ? 1 : 0;
        }
        return count;
    }
}
