package org.siammae.experiments.evaluate;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.siammae.api.component.ComponentContext;
import org.siammae.api.config.ConfigLocation;
import org.siammae.api.config.ConfigProblems;
import org.siammae.eval.EvalRequest;
import org.siammae.eval.EvalRunner;
import org.siammae.eval.EvalTask;
import org.siammae.eval.LoggingProgress;
import org.siammae.eval.TaskOptions;
import org.siammae.eval.features.FrameFeatures;
import org.siammae.eval.propagation.PropagationSettings;

/**
 * The {@code davis}, {@code jhmdb} and {@code vip} evaluation tasks: label propagation with the
 * encoder of a checkpoint, or with a baseline named by the entry's {@code features} key, through
 * {@link EvalRunner}.
 */
public final class LabelPropagationTask implements EvaluationTask {

    private final EvalRequest request;
    private final ComponentContext context;

    private LabelPropagationTask(EvalRequest request, ComponentContext context) {
        this.request = request;
        this.context = context;
    }

    /**
     * Builds a task from bound options, resolving its propagation preset and overrides.
     *
     * @param task which benchmark
     * @param options the bound task options
     * @param context the context with the component registry
     * @throws org.siammae.api.config.ConfigException if the preset or an override is invalid
     */
    public static LabelPropagationTask create(
            EvalTask task, TaskOptions options, ComponentContext context) {
        ConfigProblems problems = new ConfigProblems(ConfigLocation.of("<" + task.key() + " evaluation>"));
        PropagationSettings propagation = EvalRequest.propagation(options, "", problems, context);
        problems.throwIfAny();
        return new LabelPropagationTask(new EvalRequest(task, options, propagation), context);
    }

    /** Returns the task, its options and its protocol. */
    public EvalRequest request() {
        return request;
    }

    @Override
    public void checkData() throws IOException {
        EvalRunner.checkData(request);
    }

    @Override
    public EvaluationResult evaluate(Path checkpoint, Path outputDirectory)
            throws IOException, InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            FrameFeatures features =
                    FeatureChoice.build(request.options(), checkpoint, manager, context.registry());
            EvalRunner.Result result =
                    EvalRunner.run(request, features, manager, outputDirectory, new LoggingProgress());
            return new EvaluationResult(
                    request.task().key(), result.metrics(), outputDirectory.resolve("summary.json"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(
                    request.task().key() + " evaluation of " + checkpoint + " failed: " + e.getMessage(), e);
        }
    }
}
