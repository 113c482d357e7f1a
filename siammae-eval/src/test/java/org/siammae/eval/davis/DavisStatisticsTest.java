package org.siammae.eval.davis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Checks Mean, Recall and Decay against hand computation with the rules of davis2017-evaluation's
 * {@code db_statistics}; the values also match that function run on the same arrays (NumPy 1.24).
 */
class DavisStatisticsTest {

    private static final double EPS = 1e-12;

    @Test
    void decayRoundsHalfBinEdgesUp() {
        double[] values = {1, 1, 0, 0.5, 0.5, 0.2, 0.4};

        DavisStatistics stats = DavisStatistics.of(values);

        // Mean 3.6 / 7. Recall counts values strictly above 0.5: two of seven.
        assertThat(stats.mean()).isCloseTo(3.6 / 7, within(EPS));
        assertThat(stats.recall()).isCloseTo(2.0 / 7, within(EPS));
        // linspace(1, 7, 5) = 1, 2.5, 4, 5.5, 7; rounded with the 1e-10 nudge: 1, 3, 4, 6, 7;
        // minus 1: edges 0, 2, 3, 5, 6. First bin frames 0..2 = (1 + 1 + 0) / 3, last bin frames
        // 5..6 = (0.2 + 0.4) / 2. Decay = 2/3 - 0.3.
        assertThat(stats.decay()).isCloseTo(2.0 / 3 - 0.3, within(EPS));
    }

    @Test
    void nanFrameFailsRecallAndIsSkippedByMean() {
        double[] values = {1, 1, 1, 0.6, 0.5, 0.4, 0.2, 0, 0, Double.NaN};

        DavisStatistics stats = DavisStatistics.of(values);

        // Mean over the 9 numbers: 4.7 / 9. Recall: 1, 1, 1, 0.6 of 10 frames = 0.4.
        assertThat(stats.mean()).isCloseTo(4.7 / 9, within(EPS));
        assertThat(stats.recall()).isCloseTo(0.4, within(EPS));
        // Edges 0, 2, 5, 7, 9: first bin (1, 1, 1) = 1; last bin (0, 0, NaN) = 0.
        assertThat(stats.decay()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void decayPast255FramesUsesFullIndices() {
        double[] values = new double[300];
        Arrays.fill(values, 0, 76, 1.0);

        // Edges round(1, 75.75, 150.5, 225.25, 300) - 1 = 0, 75, 150, 224, 299: the first bin is
        // frames 0..75 (all 1), the last frames 224..299 (all 0). Eight-bit edges would wrap.
        assertThat(DavisStatistics.of(values).decay()).isCloseTo(1.0, within(EPS));
    }

    @Test
    void singleFrameHasZeroDecay() {
        DavisStatistics stats = DavisStatistics.of(new double[] {0.7});

        assertThat(stats.mean()).isEqualTo(0.7);
        assertThat(stats.recall()).isEqualTo(1.0);
        assertThat(stats.decay()).isEqualTo(0.0);
    }

    @Test
    void noFramesGiveNaN() {
        DavisStatistics stats = DavisStatistics.of(new double[0]);

        assertThat(stats.mean()).isNaN();
        assertThat(stats.recall()).isNaN();
        assertThat(stats.decay()).isNaN();
    }
}
