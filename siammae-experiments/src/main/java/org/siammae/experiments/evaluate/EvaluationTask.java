package org.siammae.experiments.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import org.siammae.api.component.ComponentKind;

/**
 * One evaluation a descriptor can run after pretraining, selected by name in its {@code evaluate}
 * list ({@code - {task: davis, data: ..., preset: siammae}}); registered under {@link #KIND} by a
 * {@link org.siammae.api.component.SiamMaePlugin}, with its options bound like any component's.
 */
public interface EvaluationTask {

    /** The kind of evaluation tasks ({@code davis}, {@code jhmdb}, {@code vip}, ...). */
    ComponentKind<EvaluationTask> KIND = ComponentKind.of("evaluation", EvaluationTask.class);

    /** The key of an {@code evaluate} entry that names the task. */
    String TASK_KEY = "task";

    /**
     * Evaluates the encoder of a checkpoint.
     *
     * @param checkpoint a run folder or checkpoint folder
     * @param outputDirectory where to write predictions, CSV, JSON and figures (created if missing)
     * @return the headline metrics and where the full results are
     * @throws IOException if data cannot be read or results cannot be written
     * @throws InterruptedException if interrupted
     */
    EvaluationResult evaluate(Path checkpoint, Path outputDirectory) throws IOException, InterruptedException;

    /**
     * Checks cheaply, before any pretraining, that the task's data can be read as configured (the
     * layout, requested sequence names), so that a typo does not surface only after hours of
     * training. The default checks nothing.
     *
     * @throws IOException if the data is missing or in another layout
     * @throws IllegalArgumentException if an option names something the data lacks
     */
    default void checkData() throws IOException {}
}
