package org.siammae.eval.davis;

import java.nio.file.Path;
import java.util.Map;

/**
 * The outcome of a DAVIS evaluation run.
 *
 * @param scores the per-object scores of every fully annotated sequence
 * @param framesPerSecond propagated frames per second of each sequence (features included)
 * @param outputFolder where predictions, tables, overlays and {@code summary.json} were written
 */
public record DavisSummary(
        DavisScores scores, Map<String, Double> framesPerSecond, Path outputFolder) {

    /** Returns the folder of predicted masks in the official results layout. */
    public Path predictions() {
        return outputFolder.resolve(DavisEvaluation.PREDICTIONS);
    }
}
