package org.siammae.eval.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.siammae.eval.io.LabelMap;

/** Checks label downsampling to the grid and upsampling back, on hand-sized maps. */
class GridLabelsTest {

    // A 4 x 2 frame with stride 2 gives a 2 x 1 grid. Labels: left cell 0 0 / 0 1, right cell 1 1 / 1 1.
    private final LabelMap map = LabelMap.of(4, 2, 0, 0, 1, 1, 0, 1, 1, 1);
    private final int[] channels = {0, 1};

    @Test
    void nearestTakesCellCentrePixel() {
        // Grid cell x reads pixel floor((x + 0.5) * 2) = 1 or 3 of row floor(0.5 * 2) = 1.
        GridLabels grid = GridLabels.fromLabelMap(map, channels, 4, 2, 2, LabelDownsampling.NEAREST);

        assertThat(grid.values()).containsExactly(0f, 1f, 0f, 1f);
    }

    @Test
    void areaAveragesOneHot() {
        // Left cell: three pixels of label 0, one of label 1.
        GridLabels grid = GridLabels.fromLabelMap(map, channels, 4, 2, 2, LabelDownsampling.AREA);

        assertThat(grid.values()).containsExactly(0.75f, 0.25f, 0f, 1f);
    }

    @Test
    void bilinearSamplesBetweenPixels() {
        // Output x = 0 samples source x = (0 + 0.5) * 2 - 0.5 = 0.5, y = 0.5: the mean of the
        // four pixels of the left cell, as in the area case.
        GridLabels grid = GridLabels.fromLabelMap(map, channels, 4, 2, 2, LabelDownsampling.BILINEAR);

        assertThat(grid.values()[0]).isCloseTo(0.75f, within(1e-6f));
        assertThat(grid.values()[1]).isCloseTo(0.25f, within(1e-6f));
    }

    @Test
    void upsampledArgmaxSplitsAtCellEdge() {
        // Grid of 2 cells: 0.9 / 0.1 and 0.2 / 0.8. Upsampled by 4 with bilinear weights, the
        // channels cross halfway between the centres (x = 1.5 and 5.5), that is at the edge x = 4.
        GridLabels grid = new GridLabels(1, 2, 2, new float[] {0.9f, 0.1f, 0.2f, 0.8f});

        LabelMap out = grid.toLabelMap(new int[] {0, 5}, 8, 4, 8, 4, LabelUpsampling.BILINEAR, false);

        for (int x = 0; x < 8; x++) {
            assertThat(out.get(x, 2)).as("x %d", x).isEqualTo(x < 4 ? 0 : 5);
        }
    }

    @Test
    void channelRescalingCanChangeArgmax() {
        // Channel 1 never exceeds 0.4 but reaches its maximum on the right cell; after DINO's
        // rescaling it becomes 1 there while channel 0 becomes 0.
        GridLabels grid = new GridLabels(1, 2, 2, new float[] {0.9f, 0.1f, 0.6f, 0.4f});

        LabelMap plain = grid.toLabelMap(new int[] {0, 1}, 2, 1, 2, 1, LabelUpsampling.NEAREST, false);
        LabelMap rescaled = grid.toLabelMap(new int[] {0, 1}, 2, 1, 2, 1, LabelUpsampling.NEAREST, true);

        assertThat(plain).isEqualTo(LabelMap.of(2, 1, 0, 0));
        assertThat(rescaled).isEqualTo(LabelMap.of(2, 1, 0, 1));
    }
}
