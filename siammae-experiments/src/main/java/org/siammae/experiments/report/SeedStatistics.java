package org.siammae.experiments.report;

import java.util.Collection;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Mean and two-sided 95% confidence interval of a metric across the seeds of a cell, from
 * Student's t distribution with n - 1 degrees of freedom: {@code mean +- t(0.975, n - 1) * s /
 * sqrt(n)}, where {@code s} is the sample standard deviation (divisor n - 1). One seed gives no
 * interval (NaN half-width).
 *
 * @param n the number of values
 * @param mean their mean, NaN when there is none
 * @param standardDeviation the sample standard deviation, NaN below 2 values
 * @param halfWidth the half-width of the 95% interval, NaN below 2 values
 */
public record SeedStatistics(int n, double mean, double standardDeviation, double halfWidth) {

    /** The confidence level of the interval. */
    public static final double LEVEL = 0.95;

    /**
     * Computes the statistics of some values.
     *
     * @param values the metric of each seed
     */
    public static SeedStatistics of(Collection<Double> values) {
        DescriptiveStatistics statistics = new DescriptiveStatistics();
        values.forEach(statistics::addValue);
        int n = values.size();
        if (n == 0) {
            return new SeedStatistics(0, Double.NaN, Double.NaN, Double.NaN);
        }
        if (n == 1) {
            return new SeedStatistics(1, statistics.getMean(), Double.NaN, Double.NaN);
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
        double sd = statistics.getStandardDeviation();
        return new SeedStatistics(n, statistics.getMean(), sd, t * sd / Math.sqrt(n));
    }

    /** Returns the lower end of the interval. */
    public double low() {
        return mean - halfWidth;
    }

    /** Returns the upper end of the interval. */
    public double high() {
        return mean + halfWidth;
    }

    /**
     * Returns these statistics with every value multiplied by a factor (fractions to percent).
     *
     * @param factor the factor
     */
    public SeedStatistics times(double factor) {
        return new SeedStatistics(n, mean * factor, standardDeviation * factor, halfWidth * factor);
    }
}
