package org.siammae.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedStatisticsTest {

    @Test
    void threeSeedsUseStudentT() {
        // Hand computation: mean 2, sample sd 1, t(0.975, 2) = 4.3027 from a t table,
        // half-width 4.3027 / sqrt(3) = 2.4842.
        SeedStatistics stats = SeedStatistics.of(List.of(1.0, 2.0, 3.0));

        assertThat(stats.n()).isEqualTo(3);
        assertThat(stats.mean()).isCloseTo(2.0, within(1e-12));
        assertThat(stats.standardDeviation()).isCloseTo(1.0, within(1e-12));
        assertThat(stats.halfWidth()).isCloseTo(2.4842, within(1e-4));
        assertThat(stats.low()).isCloseTo(2.0 - 2.4842, within(1e-4));
    }

    @Test
    void fiveSeedsNarrowTheInterval() {
        // Values 58, 59, 60, 61, 62: mean 60, sd sqrt(2.5) = 1.5811, t(0.975, 4) = 2.7764,
        // half-width 2.7764 * 1.5811 / sqrt(5) = 1.9632.
        SeedStatistics stats = SeedStatistics.of(List.of(58.0, 59.0, 60.0, 61.0, 62.0));

        assertThat(stats.halfWidth()).isCloseTo(1.9632, within(1e-4));
    }

    @Test
    void oneSeedHasNoInterval() {
        SeedStatistics stats = SeedStatistics.of(List.of(0.5));

        assertThat(stats.mean()).isEqualTo(0.5);
        assertThat(stats.halfWidth()).isNaN();
        assertThat(stats.standardDeviation()).isNaN();
    }

    @Test
    void noSeedHasNoMean() {
        assertThat(SeedStatistics.of(List.of()).mean()).isNaN();
    }

    @Test
    void scalingToPercentScalesEveryFigure() {
        SeedStatistics percent = SeedStatistics.of(List.of(0.1, 0.3)).times(100);

        assertThat(percent.mean()).isCloseTo(20.0, within(1e-9));
        assertThat(percent.standardDeviation()).isCloseTo(14.1421, within(1e-4));
        assertThat(percent.halfWidth()).isCloseTo(127.062, within(1e-3));
    }
}
