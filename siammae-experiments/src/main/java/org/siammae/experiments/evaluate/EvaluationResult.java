package org.siammae.experiments.evaluate;

import java.nio.file.Path;
import java.util.Map;

/**
 * The headline figures of one evaluation.
 *
 * @param task the task name, for example {@code davis}
 * @param metrics metric name to value, as the task's summary reports them (for example {@code
 *     J&F-Mean}); fractions stay fractions, not percentages
 * @param summary the JSON summary file with everything the task computed
 */
public record EvaluationResult(String task, Map<String, Double> metrics, Path summary) {}
