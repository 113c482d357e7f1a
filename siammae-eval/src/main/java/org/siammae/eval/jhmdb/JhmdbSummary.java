package org.siammae.eval.jhmdb;

import java.nio.file.Path;

/**
 * The outcome of a JHMDB evaluation run.
 *
 * @param accumulator the pooled normalised errors of all clips
 * @param clips the number of clips
 * @param outputFolder where tables, joints and overlays were written
 */
public record JhmdbSummary(PckAccumulator accumulator, int clips, Path outputFolder) {

    /**
     * Returns PCK as a fraction in [0, 1].
     *
     * @param threshold for example 0.1
     */
    public double pck(double threshold) {
        return accumulator.pck(threshold);
    }
}
